import type { Diagnostic } from '../../core/diagnostics.js'

/** File formats the importers read. */
export type FileFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'parquet' | 'xlsx'

/** One cell as read from a file, before any typed parsing. */
export type RawValue = string | number | boolean | null

/**
 * One record of a source file.
 *
 * @example
 * { line: 2, values: { InvoiceNo: '536365', Quantity: '6' }, raw: '"536365",6' }
 */
export interface RawRecord {
  /** 1-based line in the file where the record starts (CSV/TSV: physical line, header = line 1, so first data row is
   * line 2, and a quoted field with newlines makes the next record start further down; NDJSON: its line; JSON array:
   * line where the element starts; Parquet: row index + 1; XLSX: the sheet's row number) */
  readonly line: number
  /** Values by source column name. CSV/TSV give strings ('' for empty); JSON/NDJSON/Parquet/XLSX may give numbers,
   * booleans, null; nested objects/arrays are given as their JSON text. */
  readonly values: Readonly<Record<string, RawValue>>
  /** The record exactly as in the file, for the rejects file: CSV/TSV the original text of the record (all its
   * physical lines, without the final newline, in the decoded text); NDJSON the line; JSON the element re-serialised;
   * Parquet/XLSX: JSON of values. */
  readonly raw: string
  /**
   * A problem with this one record (an NDJSON line that is not valid JSON, a CSV row with more or fewer fields than
   * the header, a JSON array element that is not an object). The record is still yielded so that nothing vanishes:
   * the loader reports it as a rejected row with this diagnostic and must not load its `values` (which are `{}` when
   * nothing could be read, or the fields that could be matched to the header).
   */
  readonly error?: Diagnostic
}

/** An opened file: what it is, its columns, and a way to stream its records. */
export interface RecordSource {
  readonly file: string
  readonly format: FileFormat
  /** 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' … as detected or chosen */
  readonly encoding: string
  /** Column names in file order (JSON/NDJSON: union of keys over the first 1000 records, first-seen order). */
  readonly columns: readonly string[]
  /** CSV/TSV: the header line text as in the file (decoded), so a rejects file can repeat it. */
  readonly headerText?: string
  /** CSV/TSV: the field delimiter in use (given, or sniffed). */
  readonly delimiter?: string
  readonly sizeBytes: number
  /**
   * Problems that did not stop the file from being read, severity 'warning': an empty header name (renamed
   * `column_N`), a duplicate header name (the later one renamed `name_2`, `name_3` …).
   */
  readonly warnings: readonly Diagnostic[]
  /** Streams records. onProgress gets bytes consumed so far (for rows/s and ETA). Must be streaming: constant memory
   * for CSV/TSV/NDJSON of any size (the UCI file is 45 MB decompressed; users have GB files).
   * `bytesRead` counts bytes of the file on disk (compressed bytes for gzip), so it is comparable to `sizeBytes`.
   * Each call starts again from the beginning of the file. A problem that makes the rest of the file unreadable
   * (unterminated quote, undecodable bytes, broken JSON structure) is thrown as a `StrataError` carrying an
   * `ingest.read.*` diagnostic with file and line; records yielded before it are sound. */
  records(onProgress?: (bytesRead: number) => void): AsyncIterable<RawRecord>
}

/** Options of `openRecordSource`; everything is detected when absent. */
export interface OpenOptions {
  format?: FileFormat
  /** Any name iconv-lite knows ('utf8', 'gbk', 'gb18030', 'big5', 'utf-16le' …). */
  encoding?: string
  /** One character, or 'tab' / '\\t'. */
  delimiter?: string
  /** XLSX sheet name (default: the first sheet). */
  sheet?: string
}
