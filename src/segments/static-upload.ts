import { type Diagnostic, EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { raw, sql } from '../sql/fragment.js'
import { readIdList } from './id-list-file.js'

const UPLOAD = 'segment_upload_ids'
const RESOLVED = 'segment_upload_resolved'

/** How an uploaded list resolved: the problem lines (first `limit`) and counts. */
export interface UploadResolution {
  readonly lines: number
  readonly customers: number
  readonly unknown: number
  readonly ambiguous: number
  /** `segments.upload.unknown_id` / `segments.upload.ambiguous_id` with file and line, by line. */
  readonly problems: Diagnostic[]
}

/**
 * Stages an uploaded id list and resolves every id the way `resolveCustomerId` does for one — the canonical
 * customer id, else an id from a source system, else an email — all in SQL (a million ids is one join).
 * Leaves the scratch table `segment_upload_resolved(customer_id)` for the caller.
 */
export async function resolveIdList(
  conn: Connection,
  path: string,
  options: { problemLimit?: number } = {},
): Promise<UploadResolution> {
  const d = conn.dialect
  await conn.run(sql`${d.replaceTempTable(UPLOAD)} (line_no INTEGER, value ${raw(d.columnType('text'))})`)
  try {
    for await (const batch of readIdList(path)) {
      await conn.append(
        UPLOAD,
        ['line_no', 'value'],
        batch.map((b) => [b.line, b.value]),
      )
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new StrataError(
      { code: 'segments.upload.unreadable', params: { file: path, reason } },
      EXIT.NOT_FOUND,
    )
  }
  // Candidates per line: exact ids first; source ids and emails only for lines that are not exact ids.
  await conn.run(sql`${d.replaceTempTable('segment_upload_candidates')} AS
    SELECT u.line_no, c.customer_id FROM ${raw(UPLOAD)} u JOIN customers c ON c.customer_id = u.value
    UNION
    SELECT u.line_no, i.customer_id FROM ${raw(UPLOAD)} u
      JOIN customer_identities i ON i.kind = 'source_id' AND i.value = u.value
      WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = u.value)
    UNION
    SELECT u.line_no, i.customer_id FROM ${raw(UPLOAD)} u
      JOIN customer_identities i ON i.kind = 'email' AND i.value = lower(trim(u.value))
      WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = u.value)`)
  await conn.run(sql`${d.replaceTempTable('segment_upload_lines')} AS
    SELECT u.line_no, u.value, count(c.customer_id) AS n, min(c.customer_id) AS customer_id,
      max(c.customer_id) AS last_candidate
    FROM ${raw(UPLOAD)} u LEFT JOIN segment_upload_candidates c ON c.line_no = u.line_no
    GROUP BY u.line_no, u.value`)
  await conn.run(sql`${d.replaceTempTable(RESOLVED)} AS
    SELECT DISTINCT customer_id FROM segment_upload_lines WHERE n = 1`)
  const counts = await conn.one<{ lines: number; unknown: number; ambiguous: number; customers: number }>(sql`
    SELECT count(*) AS lines, ${d.countIf(sql`n = 0`)} AS unknown, ${d.countIf(sql`n > 1`)} AS ambiguous,
      (SELECT count(*) FROM ${raw(RESOLVED)}) AS customers
    FROM segment_upload_lines`)
  const bad = await conn.all<{
    line_no: number
    value: string
    n: number
    customer_id: string | null
    last_candidate: string | null
  }>(sql`
    SELECT line_no, value, n, customer_id, last_candidate FROM segment_upload_lines WHERE n <> 1
    ORDER BY line_no LIMIT ${options.problemLimit ?? 1000}`)
  await conn.run(raw('DROP TABLE IF EXISTS segment_upload_candidates'))
  await conn.run(raw('DROP TABLE IF EXISTS segment_upload_lines'))
  await conn.run(raw(`DROP TABLE IF EXISTS ${UPLOAD}`))
  return {
    lines: Number(counts?.lines ?? 0),
    customers: Number(counts?.customers ?? 0),
    unknown: Number(counts?.unknown ?? 0),
    ambiguous: Number(counts?.ambiguous ?? 0),
    problems: bad.map((b) => ({
      code: Number(b.n) === 0 ? 'segments.upload.unknown_id' : 'segments.upload.ambiguous_id',
      params: { id: b.value, n: Number(b.n), first: b.customer_id ?? '', last: b.last_candidate ?? '' },
      at: { file: path, line: Number(b.line_no), value: b.value },
    })),
  }
}

/** The scratch table holding the resolved customers of the last `resolveIdList`. */
export const RESOLVED_UPLOAD = sql`SELECT customer_id FROM ${raw(RESOLVED)}`

/** Drops the resolved scratch table. */
export async function dropResolvedUpload(conn: Connection): Promise<void> {
  await conn.run(raw(`DROP TABLE IF EXISTS ${RESOLVED}`))
}
