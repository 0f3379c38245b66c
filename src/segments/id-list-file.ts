import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'

/** One id from an uploaded list, with the physical line it came from (1-based). */
export interface ListedId {
  readonly line: number
  readonly value: string
}

// A first line naming the column is a header, not an id.
const HEADER =
  /^(customer[_ ]?id|id|email|phone|member[_ ]?id|客户(编号|id)|客戶(編號|id)|会员(编号|号)|會員(編號|號)|邮箱|郵箱)$/i

/** The cells of one CSV line (RFC 4180 quotes; ids never span lines). */
function csvCells(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else cell += ch
  }
  cells.push(cell)
  return cells
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
  const csv = /\.csv$/i.test(path)
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  let lineNo = 0
  let column = 0
  let batch: ListedId[] = []
  for await (const rawLine of lines) {
    lineNo++
    const line = lineNo === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine
    if (line.trim() === '') continue
    const cells = csv ? csvCells(line).map((c) => c.trim()) : [line.trim()]
    if (lineNo === 1 && cells.some((c) => HEADER.test(c))) {
      column = Math.max(
        0,
        cells.findIndex((c) => HEADER.test(c)),
      )
      continue
    }
    const value = cells[column] ?? ''
    batch.push({ line: lineNo, value })
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}
