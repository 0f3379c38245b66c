import { stat } from 'node:fs/promises'
import { contentHead, fileHead, isGzip } from '../ingest/read/byte-stream.js'
import { csvStream } from '../ingest/read/csv-records.js'
import { detectEncoding } from '../ingest/read/detect-encoding.js'
import type { TextFile } from '../ingest/read/text-file.js'

/** Enough of the file to tell its encoding (the importers sample as much). */
const SAMPLE_BYTES = 1 << 20

/** One id from an uploaded list, with the physical line it came from (1-based). */
export interface ListedId {
  readonly line: number
  readonly value: string
}

// A first line naming the column is a header, not an id.
const HEADER =
  /^(customer[_ ]?id|id|email|phone|member[_ ]?id|客户(编号|id)|客戶(編號|id)|会员(编号|号)|會員(編號|號)|邮箱|郵箱)$/i

/**
 * The list as a text file the importers' reader can stream: gzip and encoding detected the same way (Chinese
 * exports are often GBK with a BOM), so ids are decoded exactly as an import of the same file would be.
 */
async function listFile(path: string): Promise<TextFile> {
  const gzip = isGzip(await fileHead(path, 8))
  const sample = await contentHead(path, gzip, SAMPLE_BYTES)
  const encoding = detectEncoding(sample, sample.length < SAMPLE_BYTES)
  return { path, gzip, encoding, sizeBytes: (await stat(path)).size }
}

/**
 * Reads an uploaded id list line by line (any size): a TXT file has one id per line; a CSV file takes the
 * `customer_id` (or `id`, `email`…) column named by its header, else its first column. Blank lines are
 * skipped; a UTF-8 byte-order mark is ignored. Yields batches so a million ids never sit in memory at once.
 *
 * @example
 * for await (const batch of readIdList('vip.csv')) stage(batch)
 */
export async function* readIdList(path: string, batchSize = 10_000): AsyncGenerator<ListedId[]> {
  const csv = /\.csv(\.gz)?$/i.test(path)
  let column = 0
  let batch: ListedId[] = []
  // The importers' CSV parser (RFC 4180 quotes, any line ends, physical line numbers); a TXT line is taken whole.
  for await (const row of csvStream(await listFile(path), ',', (r) => r)) {
    const cells = (csv ? row.fields : [row.raw]).map((c) => c.trim())
    if (cells.every((c) => c === '')) continue
    if (row.line === 1 && cells.some((c) => HEADER.test(c))) {
      column = Math.max(
        0,
        cells.findIndex((c) => HEADER.test(c)),
      )
      continue
    }
    batch.push({ line: row.line, value: cells[column] ?? '' })
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}
