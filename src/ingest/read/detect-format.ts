import { basename } from 'node:path'
import type { FileFormat } from './types.js'

/** What a file name says: a format, or 'txt' for delimited text whose delimiter must be sniffed. */
export type NamedFormat = FileFormat | 'txt'

const BY_EXTENSION: Record<string, NamedFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  txt: 'txt',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  parquet: 'parquet',
  pq: 'parquet',
  xlsx: 'xlsx',
}

/**
 * The format named by the file's extension, ignoring a trailing `.gz`.
 *
 * @example
 * formatFromName('orders.csv.gz') // 'csv'
 */
export function formatFromName(path: string): NamedFormat | undefined {
  const parts = basename(path).toLowerCase().split('.')
  if (parts.at(-1) === 'gz' || parts.at(-1) === 'gzip') parts.pop()
  return parts.length > 1 ? BY_EXTENSION[parts.at(-1)!] : undefined
}

/** A binary format told by its magic number: 'PAR1' for Parquet, a zip header for XLSX, OLE2 for old .xls. */
export function binaryFormatOf(head: Uint8Array): 'parquet' | 'xlsx' | 'xls' | undefined {
  const magic = Buffer.from(head.subarray(0, 4)).toString('latin1')
  if (magic === 'PAR1') return 'parquet'
  if (magic === 'PK\u0003\u0004') return 'xlsx'
  if (magic === '\u00d0\u00cf\u0011\u00e0') return 'xls'
  return undefined
}

/** JSON told by its first character: '[' an array, '{' one object per line. */
export function textFormatOf(text: string): 'json' | 'ndjson' | undefined {
  const first = text.trimStart()[0]
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : undefined
}

/** Whether a name is one of the formats (for `--format`). */
export function isFileFormat(name: string): name is FileFormat {
  return ['csv', 'tsv', 'json', 'ndjson', 'parquet', 'xlsx'].includes(name)
}
