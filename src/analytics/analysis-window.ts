import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'

/** The dates an analysis covers: orders dated before `asOf`, from `windowStart` when given. */
export interface AnalysisWindow {
  readonly asOf: string
  readonly windowStart: string | null
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isIsoDate('2011-02-30') // false
 */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.toISOString().slice(0, 10) === value
}

/**
 * Calendar arithmetic on ISO dates (pure: no clock involved).
 *
 * @example
 * addDaysIso('2024-03-01', -1) // '2024-02-29'
 */
export function addDaysIso(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

function checkDate(value: string, field: string): void {
  if (!isIsoDate(value)) {
    throw new StrataError({ code: 'analytics.bad_date', params: { field, value }, at: { field, value } })
  }
}

/**
 * Validates the requested dates and fills the default `asOf`: the day after the newest order.
 * A store without orders, or a window start not before `asOf`, is a user error.
 *
 * @example
 * await resolveWindow(conn, {}) // { asOf: '2011-12-10', windowStart: null }
 */
export async function resolveWindow(
  conn: Connection,
  requested: { asOf?: string; windowStart?: string | null },
): Promise<AnalysisWindow> {
  if (requested.asOf !== undefined) checkDate(requested.asOf, 'as-of')
  if (requested.windowStart) checkDate(requested.windowStart, 'window-start')
  let asOf = requested.asOf
  if (asOf === undefined) {
    const d = conn.dialect
    const row = await conn.one<{ next_day: string | null }>(
      sql`SELECT ${d.formatDate(d.addDays(d.dateOf(sql`max(ordered_at)`), sql`${1}`))} AS next_day FROM orders`,
    )
    if (!row?.next_day) throw new StrataError({ code: 'analytics.no_orders' }, EXIT.DATA)
    asOf = row.next_day
  }
  const windowStart = requested.windowStart ?? null
  if (windowStart !== null && windowStart >= asOf) {
    throw new StrataError({ code: 'analytics.bad_window', params: { asOf, windowStart } })
  }
  return { asOf, windowStart }
}
