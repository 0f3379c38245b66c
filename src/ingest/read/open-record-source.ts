import { stat } from 'node:fs/promises'
import iconv from 'iconv-lite'
import { fail, type Result, StrataError } from '../../core/diagnostics.js'
import { contentHead, fileHead, isGzip } from './byte-stream.js'
import { openCsvSource } from './csv-source.js'
import { chosenEncoding, detectEncoding, type TextEncoding } from './detect-encoding.js'
import {
  binaryFormatOf,
  formatFromName,
  isFileFormat,
  type NamedFormat,
  textFormatOf,
} from './detect-format.js'
import { openJsonSource } from './json-source.js'
import { readDiagnostic } from './read-error.js'
import { maybeDelimiter, sniffDelimiter } from './sniff-delimiter.js'
import type { TextFile } from './text-file.js'
import type { OpenOptions, RecordSource } from './types.js'

/** Bytes looked at to detect the encoding and sniff the delimiter. */
const SAMPLE_BYTES = 1 << 20

/** The sample decoded leniently, for sniffing; and the line of the first undecodable byte, if any. */
function decodeSample(
  sample: Buffer,
  encoding: TextEncoding,
  whole: boolean,
): { text: string; badLine?: number } {
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
export async function openRecordSource(
  path: string,
  options: OpenOptions = {},
): Promise<Result<RecordSource>> {
  const size = await fileSize(path)
  if (!size.ok) return size
  if (options.format !== undefined && !isFileFormat(options.format)) {
    return fail(readDiagnostic('unknown_format', { file: path }, { format: String(options.format) }))
  }
  let head: Buffer
  try {
    head = await fileHead(path, 8)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    return fail(readDiagnostic('unreadable', { file: path }, { reason }))
  }
  const gzip = isGzip(head)
  const magic = binaryFormatOf(head)
  if (magic === 'xls' && (options.format === undefined || options.format === 'xlsx')) {
    return fail(readDiagnostic('xls_unsupported', { file: path }))
  }
  // Chinese shop and ERP back ends often export tab-separated text named .xls: read it as sniffed text.
  const xlsName = /\.xls(\.gz)?$/i.test(path) ? (magic === 'xlsx' ? 'xlsx' : 'txt') : undefined
  const named = options.format ?? formatFromName(path) ?? xlsName
  const binary = named === 'parquet' || named === 'xlsx' ? named : named ? undefined : magic
  if (binary) {
    if (gzip) return fail(readDiagnostic('gzip_unsupported', { file: path }, { format: binary }))
    // Loaded on demand: exceljs alone takes longer to load than a small CSV takes to import.
    if (binary === 'parquet') return (await import('./parquet-source.js')).openParquetSource(path, size.value)
    return (await import('./xlsx-source.js')).openXlsxSource(path, size.value, options.sheet)
  }
  return openTextSource(path, gzip, size.value, named, options)
}

async function openTextSource(
  path: string,
  gzip: boolean,
  sizeBytes: number,
  named: NamedFormat | undefined,
  options: OpenOptions,
): Promise<Result<RecordSource>> {
  let sample: Buffer
  try {
    sample = await contentHead(path, gzip, SAMPLE_BYTES)
  } catch (error) {
    if (error instanceof StrataError) return fail(error.diagnostic)
    throw error
  }
  const whole = sample.length < SAMPLE_BYTES
  const encoding =
    options.encoding === undefined ? detectEncoding(sample, whole) : chosenEncoding(options.encoding, sample)
  if (!encoding)
    return fail(readDiagnostic('unknown_encoding', { file: path }, { encoding: options.encoding }))
  const { text, badLine } = decodeSample(sample, encoding, whole)
  if (badLine !== undefined) {
    return fail(readDiagnostic('cannot_decode', { file: path, line: badLine }, { encoding: encoding.name }))
  }
  const format = named ?? textFormatOf(text)
  if (!format) return fail(readDiagnostic('unknown_format', { file: path }, { format: '' }))
  const file: TextFile = { path, gzip, encoding, sizeBytes }
  if (format === 'json' || format === 'ndjson') {
    // Many exports call NDJSON '.json'; the first character tells.
    const guessed = options.format === undefined ? (textFormatOf(text) ?? format) : format
    return openJsonSource(file, guessed)
  }
  if (format === 'parquet' || format === 'xlsx')
    throw new Error(`binary format ${format} reached the text reader`)
  const delimiter = pickDelimiter(options.delimiter, format, text)
  if (!delimiter)
    return fail(readDiagnostic('bad_delimiter', { file: path }, { delimiter: options.delimiter }))
  const csvFormat = format === 'tsv' || (format === 'txt' && delimiter === '\t') ? 'tsv' : 'csv'
  return openCsvSource(file, csvFormat, delimiter)
}

/**
 * `--delimiter` wins; a .tsv is tab-separated; a .txt is sniffed, and so is a .csv whose first line has no comma
 * (European exports use ';').
 */
function pickDelimiter(
  option: string | undefined,
  format: 'csv' | 'tsv' | 'txt',
  text: string,
): string | undefined {
  if (option !== undefined) return maybeDelimiter(option)
  if (format === 'tsv') return '\t'
  const firstLine = text.split(/\r|\n/, 1)[0]!.replace(/"(?:[^"]|"")*"/g, '""')
  if (format === 'csv' && firstLine.includes(',')) return ','
  return sniffDelimiter(text)
}
