import { once } from 'node:events'
import { csvCell } from '../core/csv-cell.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { MEMBER_COLUMNS, type MemberFilter, streamMembers } from './members.js'
import { getSegment, type SegmentInfo } from './segment-catalog.js'

/** `csv` (header row), `ndjson` (one JSON object a line) or `json` (one array). */
export type MemberFormat = 'csv' | 'ndjson' | 'json'

/** Text of one batch of rows in a format; `first` says whether any row was written before. */
function renderBatch(rows: readonly Record<string, unknown>[], format: MemberFormat, first: boolean): string {
  if (format === 'csv')
    return rows.map((r) => `${MEMBER_COLUMNS.map((c) => csvCell(r[c])).join(',')}\n`).join('')
  if (format === 'ndjson') return rows.map((r) => `${JSON.stringify(pick(r))}\n`).join('')
  return rows.map((r, i) => `${first && i === 0 ? '' : ',\n'}${JSON.stringify(pick(r))}`).join('')
}

function pick(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(MEMBER_COLUMNS.map((c) => [c, r[c] ?? null]))
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (text && !out.write(text)) await once(out, 'drain')
}

/**
 * Streams a segment's stays to a writable in a format, a batch at a time, waiting when the destination is
 * slow (backpressure): memory stays bounded whatever the segment's size. Returns the number of rows.
 */
export async function writeMembers(
  conn: Connection,
  segmentId: string,
  filter: MemberFilter,
  format: MemberFormat,
  out: NodeJS.WritableStream,
): Promise<number> {
  let rows = 0
  if (format === 'csv') await write(out, `${MEMBER_COLUMNS.join(',')}\n`)
  if (format === 'json') await write(out, '[')
  for await (const batch of streamMembers(conn, segmentId, filter)) {
    await write(out, renderBatch(batch, format, rows === 0))
    rows += batch.length
  }
  if (format === 'json') await write(out, rows ? '\n]\n' : ']\n')
  return rows
}

/**
 * Exports a segment's members and records the export (when, format, consent choice, rows, destination) in
 * `segment_exports`: marketing consent is part of every export's record.
 *
 * @example
 * await exportSegment(conn, 'at-risk', { format: 'csv', out: file, consentedOnly: true, now, destination: 'a.csv' })
 */
export async function exportSegment(
  conn: Connection,
  ref: string,
  options: {
    format: MemberFormat
    out: NodeJS.WritableStream
    filter?: MemberFilter
    consentedOnly: boolean
    now: string
    destination: string | null
  },
): Promise<{ segment: SegmentInfo; rows: number }> {
  const segment = await getSegment(conn, ref)
  const filter = { ...options.filter, consentedOnly: options.consentedOnly }
  const rows = await writeMembers(conn, segment.segmentId, filter, options.format, options.out)
  await conn.run(sql`INSERT INTO segment_exports (segment_id, exported_at, format, consented_only, rows, destination)
    VALUES (${segment.segmentId}, ${conn.dialect.timestampLiteral(options.now)}, ${options.format},
      ${options.consentedOnly}, ${rows}, ${options.destination})`)
  return { segment, rows }
}
