import { stat } from 'node:fs/promises'
import iconv from 'iconv-lite'
import { fail, type Result } from '../../core/diagnostics.js'
import { contentHead, fileHead, isGzip } from './byte-stream.js'
import { openCsvSource } from './csv-source.js'
import { chosenEncoding, detectEncoding, type TextEncoding } from './detect-encoding.js'
import { formatFromContent, formatFromName, isFileFormat, type NamedFormat } from './detect-format.js'
import { openJsonSource } from './json-source.js'
import { readDiagnostic } from './read-error.js'
import { maybeDelimiter, sniffDelimiter } from './sniff-delimiter.js'
import type { TextFile } from './text-file.js'
import type { OpenOptions, RecordSource } from './types.js'

/** Bytes looked at to detect the encoding and sniff the delimiter. */
const SAMPLE_BYTES = 1 << 20

/** The sample decoded leniently, for sniffing; and the line of the first undecodable byte, if any. */
function decodeSample(sample: Buffer, encoding: TextEncoding, whole: boolean): { text: string; badLine?: number } {
  const body = sample.subarray(encoding.bomBytes)
  const decoder = iconv.getDecoder(encoding.decoder === 'utf-8' ? 'utf8' : encoding.decoder)
  // write() without end() keeps a character cut at the end of the sample back instead of mangling it.
  const text = whole ? decoder.write(body) + (decoder.end() ?? '') : decoder.write(body)
  const bad = text.indexOf('\uFFFD')
  if (bad === -1) return { text }
  return { text, badLine: text.slice(0, bad).split('\n').length }
}

async function fileSize(path: string): Promise<Result<number>> {
  try {
    const s = await stat(path)
    if (!s.isFile()) return fail(readDiagnostic('not_a_file', { file: path }))
    return { ok: true, value: s.size }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return fail(readDiagnostic('file_not_found', { file: path }))
    return fail(readDiagnostic('unreadable', { file: path }, { reason: code ?? String(error) }))
  }
}

/**
 * Opens a data file for import: checks it exists, works out the format (option, else extension, else content),
 * gzip (by magic bytes), the encoding (option, else BOM / UTF-8 validation / GB18030) and, for delimited text,
 * the delimiter and header. Records are streamed later by `records()`.
 *
 * @example
 * const src = await openRecordSource('../shared/data/online-retail/online_retail.csv.gz')
 * if (src.ok) for await (const r of src.value.records()) console.log(r.line, r.values['InvoiceNo'])
 */
export async function openRecordSource(path: string, options: OpenOptions = {}): Promise<Result<RecordSource>> {
  const size = await fileSize(path)
  if (!size.ok) return size
  const sizeBytes = size.value
  let head: Buffer
  try {
    head = await fileHead(path, 8)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    return fail(readDiagnostic('unreadable', { file: path }, { reason }))
  }
  const gzip = isGzip(head)
  if (options.format !== undefined && !isFileFormat(options.format)) {
    return fail(readDiagnostic('unknown_format', { file: path }, { format: String(options.format) }))
  }
  const named: NamedFormat | undefined = options.format ?? formatFromName(path)
  if (named === 'parquet' || named === 'xlsx' || (!named && formatFromContent(head))) {
    const binary = named ?? formatFromContent(head)
    if (binary === 'parquet' || binary === 'xlsx') {
      if (gzip) return fail(readDiagnostic('gzip_unsupported', { file: path }, { format: binary }))
      // Loaded on demand: exceljs alone takes longer to load than a small CSV takes to import.
      if (binary === 'parquet') return (await import('./parquet-source.js')).openParquetSource(path, sizeBytes)
      return (await import('./xlsx-source.js')).openXlsxSource(path, sizeBytes, options.sheet)
    }
  }

  let sample: Buffer
  try {
    sample = await contentHead(path, gzip, SAMPLE_BYTES)
  } catch (error) {
    const diagnostic = (error as { diagnostic?: ReturnType<typeof readDiagnostic> }).diagnostic
    if (diagnostic) return fail(diagnostic)
    throw error
  }
  const whole = sample.length < SAMPLE_BYTES
  let encoding: TextEncoding
  if (options.encoding !== undefined) {
    const chosen = chosenEncoding(options.encoding, sample)
    if (!chosen) return fail(readDiagnostic('unknown_encoding', { file: path }, { encoding: options.encoding }))
    encoding = chosen
  } else {
    encoding = detectEncoding(sample, whole)
  }
  const { text, badLine } = decodeSample(sample, encoding, whole)
  if (badLine !== undefined) {
    return fail(readDiagnostic('cannot_decode', { file: path, line: badLine }, { encoding: encoding.name }))
  }

  const format: NamedFormat | undefined = named ?? formatFromContent(Buffer.from(text.slice(0, 16)))
  if (!format) return fail(readDiagnostic('unknown_format', { file: path }, { format: '' }))
  const file: TextFile = { path, gzip, encoding, sizeBytes }
  if (format === 'json' || format === 'ndjson') {
    const first = text.trimStart()[0]
    if (format === 'json' && first === '{' && options.format === undefined) return openJsonSource(file, 'ndjson')
    return openJsonSource(file, format)
  }
  const delimiter = pickDelimiter(options.delimiter, format as 'csv' | 'tsv' | 'txt', text)
  if (!delimiter) return fail(readDiagnostic('bad_delimiter', { file: path }, { delimiter: options.delimiter }))
  const csvFormat = format === 'tsv' || (format === 'txt' && delimiter === '\t') ? 'tsv' : 'csv'
  return openCsvSource(file, csvFormat, delimiter)
}

/**
 * `--delimiter` wins; a .tsv is tab-separated; a .txt is sniffed, and so is a .csv whose first line has no comma
 * (European exports use ';').
 */
function pickDelimiter(option: string | undefined, format: 'csv' | 'tsv' | 'txt', text: string): string | undefined {
  if (option !== undefined) return maybeDelimiter(option)
  if (format === 'tsv') return '\t'
  const firstLine = text.slice(0, text.search(/\r|\n/) === -1 ? undefined : text.search(/\r|\n/))
  if (format === 'csv' && firstLine.includes(',')) return ','
  return sniffDelimiter(text)
}
