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

/** The format told by the first bytes of the content (magic numbers, or JSON's first character). */
export function formatFromContent(head: Uint8Array): FileFormat | undefined {
  const text = Buffer.from(head.subarray(0, 4)).toString('latin1')
  if (text === 'PAR1') return 'parquet'
  if (text === 'PK\u0003\u0004') return 'xlsx'
  const first = Buffer.from(head).toString('utf8').replace(/^\uFEFF/, '').trimStart()[0]
  if (first === '[') return 'json'
  if (first === '{') return 'ndjson'
  return undefined
}

/** Whether a name is one of the formats (for `--format`). */
export function isFileFormat(name: string): name is FileFormat {
  return ['csv', 'tsv', 'json', 'ndjson', 'parquet', 'xlsx'].includes(name)
}
