import { StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, sql } from '../sql/fragment.js'

/** Which stays to list: current members by default; or stays that began / ended on or after a date. */
export interface MemberFilter {
  /** `YYYY-MM-DD`: stays entered on or after this day (current or since ended) — "who entered this week". */
  readonly enteredSince?: string
  /** `YYYY-MM-DD`: stays that ended on or after this day — "who left this week". */
  readonly exitedSince?: string
  /** Only customers with `consent_marketing` true (customers with no profile row never consented). */
  readonly consentedOnly?: boolean
}

/** The columns every member listing and export has, in order. */
export const MEMBER_COLUMNS = ['customer_id', 'entered_at', 'exited_at'] as const

function checkDate(value: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new StrataError({ code: 'segments.bad_date', params: { value, flag }, at: { field: flag, value } })
  }
  return `${value} 00:00:00`
}

/**
 * Current members of a segment as a fragment selecting `customer_id` — the hook for other subsystems
 * (campaigns, personas, lookalikes, audience export) to use a segment inside their own SQL.
 *
 * @example
 * sql`SELECT count(*) FROM orders WHERE customer_id IN (${currentMemberIds(conn, 'at-risk')})`
 */
export function currentMemberIds(_conn: Connection, segmentId: string): Fragment {
  return sql`SELECT customer_id FROM segment_members WHERE segment_id = ${segmentId} AND exited_at IS NULL`
}

/**
 * The stays of a segment matching a filter: `customer_id, entered_at, exited_at` (timestamps as
 * `YYYY-MM-DD HH:MM:SS` text), ordered by customer id then entry — deterministic for streaming.
 */
export function membersQuery(conn: Connection, segmentId: string, filter: MemberFilter = {}): Fragment {
  const d = conn.dialect
  const conditions: Fragment[] = [sql`m.segment_id = ${segmentId}`]
  if (filter.enteredSince === undefined && filter.exitedSince === undefined) {
    conditions.push(sql`m.exited_at IS NULL`)
  }
  if (filter.enteredSince !== undefined) {
    conditions.push(
      sql`m.entered_at >= ${d.timestampLiteral(checkDate(filter.enteredSince, '--entered-since'))}`,
    )
  }
  if (filter.exitedSince !== undefined) {
    conditions.push(
      sql`m.exited_at >= ${d.timestampLiteral(checkDate(filter.exitedSince, '--exited-since'))}`,
    )
  }
  if (filter.consentedOnly) {
    conditions.push(sql`EXISTS (SELECT 1 FROM customers c
      WHERE c.customer_id = m.customer_id AND c.consent_marketing = ${true})`)
  }
  const where = conditions.reduce((acc, c) => sql`${acc} AND ${c}`)
  return sql`SELECT m.customer_id, CAST(m.entered_at AS VARCHAR) AS entered_at,
      CAST(m.exited_at AS VARCHAR) AS exited_at
    FROM segment_members m WHERE ${where}
    ORDER BY m.customer_id, m.entered_at`
}

/**
 * Streams the matching stays in batches (bounded memory for any segment size).
 *
 * @example
 * for await (const rows of streamMembers(conn, 'at-risk', { enteredSince: '2026-06-01' })) …
 */
export function streamMembers(
  conn: Connection,
  segmentId: string,
  filter: MemberFilter = {},
): AsyncIterable<{ customer_id: string; entered_at: string; exited_at: string | null }[]> {
  return conn.stream(membersQuery(conn, segmentId, filter))
}
