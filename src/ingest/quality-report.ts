import type { Diagnostic } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, ident, raw, sql } from '../sql/fragment.js'
import type { ImportKind } from './fields.js'

/** How many bad rows the stored report keeps in full (the count is always exact). */
export const STORED_PROBLEMS = 1000

/**
 * The data-quality report of one import: printed after it, returned as JSON by `--json`, and kept in
 * `imports.report`. Counts are rows of the file unless named otherwise; samples list the first few.
 */
export interface QualityReport {
  importId: string
  status: 'imported' | 'rejected'
  /** True when the file could not be read to its end (an unclosed quote, undecodable bytes): nothing is stored. */
  unreadable: boolean
  kind: ImportKind
  source: string
  preset: string
  file: string
  format: string
  encoding: string
  rows: { read: number; imported: number; unchanged: number; rejected: number }
  /** Orders (or events / feedback / items) of the file: new to the store, and already there. */
  records: { inFile: number; created: number; unchanged: number }
  customers: { created: number; merged: number; updated: number }
  /** Orders naming no customer at all: kept and counted, never scored. */
  guestOrders: { orders: number; rows: number; sample: string[] }
  missingCustomerIds: number
  /** Valid rows left out because they name a person erased from the store. */
  erasedRows: number
  duplicateIds: { rows: number; sample: { line: number; id: string }[] }
  /** Orders whose net amount is ≤ 0: returns (< 0) and cancellations (= 0). */
  nonPositiveAmounts: { orders: number; negative: number; zero: number; sample: string[] }
  futureDates: { rows: number; after: string; sample: number[] }
  /** Orders above Q3 + 3·IQR of this file's positive amounts. */
  outliers: { orders: number; threshold: number | null; sample: { order_id: string; amount: number }[] }
  unmatchedItems: { rows: number; sample: { line: number; order_id: string }[] }
  dateRange: { from: string | null; to: string | null }
  rejects: { file: string; rows: number } | null
  /** Every bad row (the first `STORED_PROBLEMS` in the stored copy). */
  problems: Diagnostic[]
  problemsTotal: number
  warnings: Diagnostic[]
}

/** An empty report for an import that is starting. */
export function emptyReport(
  base: Pick<QualityReport, 'importId' | 'kind' | 'source' | 'preset' | 'file' | 'format' | 'encoding'>,
): QualityReport {
  return {
    ...base,
    status: 'imported',
    unreadable: false,
    rows: { read: 0, imported: 0, unchanged: 0, rejected: 0 },
    records: { inFile: 0, created: 0, unchanged: 0 },
    customers: { created: 0, merged: 0, updated: 0 },
    guestOrders: { orders: 0, rows: 0, sample: [] },
    missingCustomerIds: 0,
    erasedRows: 0,
    duplicateIds: { rows: 0, sample: [] },
    nonPositiveAmounts: { orders: 0, negative: 0, zero: 0, sample: [] },
    futureDates: { rows: 0, after: '', sample: [] },
    outliers: { orders: 0, threshold: null, sample: [] },
    unmatchedItems: { rows: 0, sample: [] },
    dateRange: { from: null, to: null },
    rejects: null,
    problems: [],
    problemsTotal: 0,
    warnings: [],
  }
}

/**
 * Rows repeating an id seen on an earlier line of the file (its first occurrence is the one kept), counted
 * from a staging table of one row per record plus the rows the sink turned down (`stg_refused`), with the
 * first ten as a sample. A set of every id in memory did the same, at a cost of a million strings.
 *
 * @example
 * report.duplicateIds = await countDuplicates(conn, 'stg_orders', 'order_id')
 */
export async function countDuplicates(
  conn: Connection,
  table: string,
  idColumn: string,
): Promise<QualityReport['duplicateIds']> {
  const d = conn.dialect
  const q = sql`
    ${d.replaceTempTable('stg_repeats')} AS
    SELECT line, id FROM (
      SELECT line, id, row_number() OVER (PARTITION BY id ORDER BY line) AS nth
      FROM (SELECT line, ${ident(idColumn)} AS id FROM ${ident(table)} UNION ALL SELECT line, id FROM stg_refused) a
    ) r WHERE nth > 1`
  await conn.run(q)
  const n = (await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM stg_repeats`))!
  const sample = await conn.all<{ line: number; id: string }>(
    sql`SELECT line, id FROM stg_repeats ORDER BY line LIMIT 10`,
  )
  await conn.run(raw(`DROP TABLE IF EXISTS ${d.quoteIdent('stg_repeats')}`))
  return { rows: Number(n.n), sample: sample.map((r) => ({ line: Number(r.line), id: r.id })) }
}

const FINAL: Partial<Record<ImportKind, { table: string; id: string; at: string }>> = {
  orders: { table: 'stg_orders_final', id: 'order_id', at: 'ordered_at' },
  events: { table: 'stg_events_final', id: 'event_id', at: 'occurred_at' },
  feedback: { table: 'stg_feedback_final', id: 'feedback_id', at: 'answered_at' },
}

/**
 * Fills the report's counts from the prepared staging tables, in SQL (before the merge, so the numbers
 * describe the file against the store as it was). `today` (`YYYY-MM-DD`) comes from the caller: core code
 * never reads the clock.
 *
 * @example
 * await measureStaged(conn, report, '2026-11-23')
 */
export async function measureStaged(conn: Connection, report: QualityReport, today: string): Promise<void> {
  const d = conn.dialect
  const f = FINAL[report.kind]
  const after = `${today} 23:59:59`
  report.futureDates.after = today
  if (f) {
    const t = ident(f.table)
    const at = ident(f.at)
    const kept = sql`dup_rank = 1`
    const rowCount = report.kind === 'orders' ? raw('row_count') : raw('1')
    const s = (await conn.one<Record<string, number | string | null>>(sql`
      SELECT
        ${d.countIf(kept)} AS in_file,
        ${d.countIf(sql`${kept} AND NOT existed`)} AS created,
        ${d.sumIf(rowCount, sql`${kept} AND NOT existed`)} AS rows_new,
        ${d.sumIf(rowCount, sql`NOT (${kept} AND NOT existed)`)} AS rows_old,
        min(${at}) AS first_at, max(${at}) AS last_at,
        ${d.sumIf(rowCount, sql`${at} > ${after}`)} AS future_rows
      FROM ${t}`))!
    report.records = {
      inFile: Number(s['in_file']),
      created: Number(s['created']),
      unchanged: Number(s['in_file']) - Number(s['created']),
    }
    report.rows.imported = Number(s['rows_new'])
    report.rows.unchanged = Number(s['rows_old'])
    report.dateRange = {
      from: (s['first_at'] as string | null) ?? null,
      to: (s['last_at'] as string | null) ?? null,
    }
    report.futureDates.rows = Number(s['future_rows'])
    const future = await conn.all<{ line: number }>(
      sql`SELECT line FROM ${t} WHERE ${at} > ${after} ORDER BY line LIMIT 10`,
    )
    report.futureDates.sample = future.map((r) => r.line)
  }
  if (report.kind === 'orders') await measureOrders(conn, report)
  if (report.kind === 'order-items') {
    const s = (await conn.one<Record<string, number>>(sql`
      SELECT count(*) AS n, ${d.countIf(sql`NOT order_known`)} AS unmatched,
        ${d.countIf(sql`order_known AND NOT existed`)} AS created FROM stg_items_final`))!
    report.records = {
      inFile: Number(s['n']),
      created: Number(s['created']),
      unchanged: Number(s['n']) - Number(s['created']) - Number(s['unmatched']),
    }
    report.rows.imported = Number(s['created'])
    report.rows.unchanged = report.records.unchanged
    report.unmatchedItems.rows = Number(s['unmatched'])
    report.unmatchedItems.sample = await conn.all<{ line: number; order_id: string }>(
      sql`SELECT line, order_id FROM stg_items_final WHERE NOT order_known ORDER BY line LIMIT 10`,
    )
  }
}

async function measureOrders(conn: Connection, report: QualityReport): Promise<void> {
  const d = conn.dialect
  const amount: Fragment = d.toMoney(raw('amount'))
  const kept = sql`dup_rank = 1`
  const s = (await conn.one<Record<string, number>>(sql`
    SELECT
      ${d.countIf(sql`${kept} AND customer_id IS NULL`)} AS guests,
      ${d.sumIf(raw('row_count'), sql`${kept} AND customer_id IS NULL`)} AS guest_rows,
      ${d.countIf(sql`${kept} AND ${amount} < 0`)} AS negative,
      ${d.countIf(sql`${kept} AND ${amount} = 0`)} AS zero
    FROM stg_orders_final`))!
  report.guestOrders.orders = Number(s['guests'])
  report.guestOrders.rows = Number(s['guest_rows'])
  report.nonPositiveAmounts.negative = Number(s['negative'])
  report.nonPositiveAmounts.zero = Number(s['zero'])
  report.nonPositiveAmounts.orders = report.nonPositiveAmounts.negative + report.nonPositiveAmounts.zero
  const firstIds = async (where: Fragment) =>
    (
      await conn.all<{ order_id: string }>(
        sql`SELECT order_id FROM stg_orders_final WHERE ${kept} AND ${where} ORDER BY line LIMIT 10`,
      )
    ).map((r) => r.order_id)
  report.guestOrders.sample = await firstIds(sql`customer_id IS NULL`)
  report.nonPositiveAmounts.sample = await firstIds(sql`${amount} <= 0`)

  // Tukey's far-out fence over purchases (positive amounts): returns would drag the quartiles down.
  const fence = await conn.one<{ q1: number | null; q3: number | null }>(sql`
    SELECT ${d.quantileCont(d.toDouble(amount), 0.25)} AS q1, ${d.quantileCont(d.toDouble(amount), 0.75)} AS q3
    FROM stg_orders_final WHERE ${kept} AND ${amount} > 0`)
  if (fence?.q1 != null && fence.q3 != null) {
    const threshold = Math.round((fence.q3 + 3 * (fence.q3 - fence.q1)) * 10000) / 10000
    report.outliers.threshold = threshold
    const o = (await conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM stg_orders_final WHERE ${kept} AND ${d.toDouble(amount)} > ${threshold}`,
    ))!
    report.outliers.orders = Number(o.n)
    report.outliers.sample = await conn.all<{ order_id: string; amount: number }>(sql`
      SELECT order_id, ${amount} AS amount FROM stg_orders_final
      WHERE ${kept} AND ${d.toDouble(amount)} > ${threshold} ORDER BY ${amount} DESC, line LIMIT 10`)
  }
}
