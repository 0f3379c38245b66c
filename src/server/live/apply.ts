import { findSnapshot, type SnapshotInfo } from '../../analytics/index.js'
import { lifecycleOfRule, lifecycleRuleExpr } from '../../analytics/lifecycle.js'
import { IS_PURCHASE, NET_CONTRIBUTION } from '../../analytics/purchase-rules.js'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import { latestContext } from '../../segments/index.js'
import type { ReadTable } from '../../segments/language/index.js'
import type { Connection } from '../../sql/driver.js'
import { ident, join, raw, type SqlValue, sql } from '../../sql/fragment.js'
import { erasedMatcher } from '../../store/erased-identities.js'
import { at } from '../clock.js'
import { type Distribution, scoreAgainst } from './live-scores.js'
import { refreshSegmentsFor, type SegmentChange } from './segment-refresh.js'
import { itemKey, type TrackItem } from './track-schema.js'

/** What one acknowledged request carries into the journal and the store. */
export interface LiveBatch {
  readonly source: string
  readonly items: TrackItem[]
  readonly idemKey?: string
  readonly requestHash?: string
  readonly response: Record<string, unknown>
}

export interface ApplyOutcome {
  readonly inserted: { orders: number; events: number; feedback: number; customers: number }
  /** Items left out because they name an erased person. */
  readonly erased: number
  readonly affected: number
  readonly changes: SegmentChange[]
}

const STAGE_ORDERS = 'strata_live_orders'
const STAGE_ITEMS = 'strata_live_items'
const STAGE_EVENTS = 'strata_live_events'
const STAGE_FEEDBACK = 'strata_live_feedback'
const STAGE_CUSTOMERS = 'strata_live_customers'
const AFFECTED = 'strata_live_affected'
const INPUTS = 'strata_live_inputs'
const SCORES = 'strata_live_scores'
const KNOWN = 'strata_live_known'
const SCORED = 'strata_live_scored'

const ORDER_COLS = [
  'source',
  'order_id',
  'customer_id',
  'ordered_at',
  'amount',
  'currency',
  'discount',
  'status',
  'channel',
  'store_id',
  'community_id',
  'coupon_code',
]
const ITEM_COLS = [
  'source',
  'order_id',
  'line_no',
  'sku',
  'product_name',
  'category',
  'brand',
  'quantity',
  'unit_price',
]
const EVENT_COLS = ['source', 'event_id', 'customer_id', 'anonymous_id', 'occurred_at', 'type', 'properties']
const FEEDBACK_COLS = [
  'source',
  'feedback_id',
  'customer_id',
  'answered_at',
  'channel',
  'score',
  'nps',
  'answers',
  'text',
]
const CUSTOMER_COLS = [
  'customer_id',
  'email',
  'phone',
  'name',
  'gender',
  'city',
  'region',
  'country',
  'consent_marketing',
]

async function stage(conn: Connection, table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
  const d = conn.dialect
  const defs = columns.map((c) => sql`${ident(c)} ${raw(d.columnType('text'))}`)
  await conn.run(sql`${d.replaceTempTable(table)} (${join(defs)})`)
  if (rows.length) await conn.append(table, columns, rows)
}

const s = (v: unknown): string | null => (v === undefined || v === null ? null : String(v))

/**
 * Writes a group of acknowledged requests to the store and brings every derived value of the customers
 * they touch up to date — all in the caller's transaction:
 * 1. orders (+ items), events, feedback are inserted unless their (source, id) is already stored, so a
 *    replayed or repeated item is stored once; customers are created or their given fields updated;
 * 2. for customers with new orders, R/F/M inputs are recomputed from their orders and scored against the
 *    latest snapshot's population (`scoreAgainst`), and their lifecycle rule re-run, in that snapshot's rows;
 * 3. saved dynamic segments are re-evaluated for the touched customers, entries and exits recorded.
 */
export async function applyBatches(
  conn: Connection,
  batches: readonly LiveBatch[],
  env: { now: Date; today: string; distribution: (snap: SnapshotInfo) => Promise<Distribution> },
): Promise<ApplyOutcome> {
  const seen = new Set<string>()
  const orders: SqlValue[][] = []
  const items: SqlValue[][] = []
  const events: SqlValue[][] = []
  const feedback: SqlValue[][] = []
  const customers = new Map<string, SqlValue[]>()
  // Erasure reaches what is sent later too: an item naming an erased customer id is dropped here.
  const isErased = await erasedMatcher(conn)
  let erased = 0
  for (const batch of batches) {
    for (const it of batch.items) {
      if (it.customer_id && isErased({ kind: 'customer_id', source: '', value: it.customer_id })) {
        erased++
        continue
      }
      const key = itemKey(batch.source, it)
      if (it.type !== 'customer' && seen.has(key)) continue
      seen.add(key)
      const src = batch.source
      if (it.type === 'order') {
        orders.push([
          src,
          it.order_id,
          s(it.customer_id),
          it.ordered_at,
          it.amount,
          s(it.currency),
          s(it.discount),
          it.status,
          s(it.channel),
          s(it.store_id),
          s(it.community_id),
          s(it.coupon_code),
        ])
        it.items?.forEach((line, i) => {
          items.push([
            src,
            it.order_id,
            String(i + 1),
            s(line.sku),
            s(line.product_name),
            s(line.category),
            s(line.brand),
            String(line.quantity),
            s(line.unit_price),
          ])
        })
      } else if (it.type === 'event') {
        events.push([
          src,
          it.event_id,
          s(it.customer_id),
          s(it.anonymous_id),
          it.occurred_at,
          it.event,
          it.properties ? JSON.stringify(it.properties) : null,
        ])
      } else if (it.type === 'feedback') {
        feedback.push([
          src,
          it.feedback_id,
          it.customer_id,
          it.answered_at,
          s(it.channel),
          s(it.score),
          s(it.nps),
          it.answers ? JSON.stringify(it.answers) : null,
          s(it.text),
        ])
      } else {
        const prev = customers.get(it.customer_id)
        const next = [
          it.customer_id,
          s(it.email),
          s(it.phone),
          s(it.name),
          s(it.gender),
          s(it.city),
          s(it.region),
          s(it.country),
          s(it.consent_marketing),
        ]
        // Later updates of the same customer in one group win field by field.
        customers.set(it.customer_id, prev ? next.map((v, i) => v ?? prev[i] ?? null) : next)
      }
    }
  }
  const d = conn.dialect
  const now = at(d, env.now)
  // Only the kinds this group carries are staged and merged: an events-only group runs no order queries.
  const kinds = [
    { rows: orders, stage: STAGE_ORDERS, cols: ORDER_COLS, table: 'orders', id: 'order_id' },
    { rows: events, stage: STAGE_EVENTS, cols: EVENT_COLS, table: 'events', id: 'event_id' },
    { rows: feedback, stage: STAGE_FEEDBACK, cols: FEEDBACK_COLS, table: 'feedback', id: 'feedback_id' },
  ].filter((k) => k.rows.length > 0)
  const inserted: Record<string, number> = { orders: 0, events: 0, feedback: 0 }
  const batchSources = [...new Set(batches.map((b) => b.source))]
  for (const k of kinds) {
    await stage(conn, k.stage, k.cols, k.rows)
    // Keep only what the store does not hold yet (idempotency by (source, id)).
    // The constant `source IN (…)` lets the engine skip stored blocks of other sources (imports) by their
    // min/max statistics instead of probing all of them: live rows are appended together.
    const sourceList = join(batchSources.map((v) => sql`${v}`))
    await conn.run(sql`DELETE FROM ${ident(k.stage)} AS n WHERE EXISTS
      (SELECT 1 FROM ${ident(k.table)} AS o WHERE o.source IN (${sourceList})
        AND o.source = n.source AND o.${ident(k.id)} = n.${ident(k.id)})`)
    inserted[k.table] =
      (await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(k.stage)}`))?.n ?? 0
  }
  if (customers.size) await stage(conn, STAGE_CUSTOMERS, CUSTOMER_COLS, [...customers.values()])
  const sources = [...kinds.map((k) => k.stage), ...(customers.size ? [STAGE_CUSTOMERS] : [])]
  const union = join(
    sources.map((t) => sql`SELECT customer_id FROM ${ident(t)}`),
    ' UNION ALL ',
  )
  await conn.run(sql`${d.replaceTempTable(AFFECTED)} AS
    SELECT DISTINCT customer_id FROM (${sources.length ? union : sql`SELECT CAST(NULL AS ${raw(d.columnType('text'))}) AS customer_id`}) AS x
    WHERE customer_id IS NOT NULL`)

  // Customers: new ones are created (from any item naming them); given fields update existing ones.
  // Which touched customers exist is a semi-join with the few touched ids as its build side (the engine
  // then skips every block of `customers` outside their range); an anti-join would hash all of customers.
  await conn.run(sql`${d.replaceTempTable(KNOWN)} AS SELECT customer_id FROM customers
    WHERE customer_id IN (SELECT customer_id FROM ${ident(AFFECTED)})`)
  const newCustomers = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(AFFECTED)} AS a
    WHERE NOT EXISTS (SELECT 1 FROM ${ident(KNOWN)} AS c WHERE c.customer_id = a.customer_id)`)
  if (newCustomers?.n) {
    const given = customers.size
      ? sql`LEFT JOIN ${ident(STAGE_CUSTOMERS)} AS u ON u.customer_id = a.customer_id`
      : sql`LEFT JOIN (SELECT ${join(CUSTOMER_COLS.map((c) => sql`CAST(NULL AS ${raw(d.columnType('text'))}) AS ${ident(c)}`))}) AS u ON FALSE`
    await conn.run(sql`INSERT INTO customers (customer_id, email, phone, name, gender, city, region, country, consent_marketing, source, signup_at)
      SELECT a.customer_id, u.email, u.phone, u.name, u.gender, u.city, u.region, u.country, CAST(u.consent_marketing AS BOOLEAN),
        'live', ${now}
      FROM ${ident(AFFECTED)} AS a ${given}
      WHERE NOT EXISTS (SELECT 1 FROM ${ident(KNOWN)} AS c WHERE c.customer_id = a.customer_id)`)
  }
  if (customers.size) {
    const set = ['email', 'phone', 'name', 'gender', 'city', 'region', 'country'].map(
      (c) => sql`${ident(c)} = coalesce(u.${ident(c)}, customers.${ident(c)})`,
    )
    await conn.run(sql`UPDATE customers SET ${join(set)},
      consent_marketing = coalesce(CAST(u.consent_marketing AS BOOLEAN), customers.consent_marketing)
      FROM ${ident(STAGE_CUSTOMERS)} AS u WHERE customers.customer_id = u.customer_id`)
  }

  if (inserted['orders']) {
    await conn.run(sql`INSERT INTO orders (${join(ORDER_COLS.map((c) => sql`${ident(c)}`))}, import_id)
      SELECT source, order_id, customer_id, CAST(ordered_at AS TIMESTAMP), ${d.toMoney(sql`CAST(amount AS DOUBLE)`)},
        currency, ${d.toMoney(sql`CAST(discount AS DOUBLE)`)}, status, channel, store_id, community_id, coupon_code, 'live'
      FROM ${ident(STAGE_ORDERS)}`)
    if (items.length) {
      await stage(conn, STAGE_ITEMS, ITEM_COLS, items)
      await conn.run(sql`INSERT INTO order_items (${join(ITEM_COLS.map((c) => sql`${ident(c)}`))})
        SELECT i.source, i.order_id, CAST(i.line_no AS INTEGER), i.sku, i.product_name, i.category, i.brand,
          CAST(i.quantity AS DOUBLE), ${d.toMoney(sql`CAST(i.unit_price AS DOUBLE)`)}
        FROM ${ident(STAGE_ITEMS)} AS i JOIN ${ident(STAGE_ORDERS)} AS o ON o.source = i.source AND o.order_id = i.order_id`)
    }
  }
  if (inserted['events']) {
    await conn.run(sql`INSERT INTO events (${join(EVENT_COLS.map((c) => sql`${ident(c)}`))}, import_id)
      SELECT source, event_id, customer_id, anonymous_id, CAST(occurred_at AS TIMESTAMP), type, properties, 'live'
      FROM ${ident(STAGE_EVENTS)}`)
  }
  if (inserted['feedback']) {
    await conn.run(sql`INSERT INTO feedback (${join(FEEDBACK_COLS.map((c) => sql`${ident(c)}`))}, import_id)
      SELECT source, feedback_id, customer_id, CAST(answered_at AS TIMESTAMP), channel, CAST(score AS DOUBLE),
        CAST(nps AS INTEGER), answers, text, 'live'
      FROM ${ident(STAGE_FEEDBACK)}`)
  }

  for (const b of batches) {
    if (!b.idemKey) continue
    await conn.run(sql`INSERT INTO server_idempotency (idem_key, request_hash, response, created_at)
      SELECT ${b.idemKey}, ${b.requestHash ?? ''}, ${JSON.stringify(b.response)}, ${now}
      WHERE NOT EXISTS (SELECT 1 FROM server_idempotency WHERE idem_key = ${b.idemKey})`)
  }

  const snapshot = await latestSnapshot(conn)
  if (snapshot && inserted['orders']) await rescore(conn, snapshot, await env.distribution(snapshot))
  const affected = (await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(AFFECTED)}`))?.n ?? 0
  // The same context as the segments service's refresh (the latest snapshot and its asOf), so a live
  // re-evaluation and a scheduled one agree on who is in.
  const segCtx = await latestContext(conn, { fallbackAsOf: env.today })
  // What changed for the touched customers decides which definitions can have moved: a created customer
  // can enter anything; otherwise only definitions reading a written table are re-evaluated.
  const changed: ReadonlySet<ReadTable> | 'all' = newCustomers?.n
    ? 'all'
    : new Set<ReadTable>([
        ...(customers.size ? (['customers'] as const) : []),
        ...(inserted['orders'] ? (['orders', 'order_items', 'customer_scores'] as const) : []),
        ...(inserted['events'] ? (['events'] as const) : []),
      ])
  const changes =
    affected > 0
      ? await refreshSegmentsFor(conn, { ids: AFFECTED, changed }, { ...segCtx, now: env.now })
      : []
  return {
    inserted: {
      orders: inserted['orders'] ?? 0,
      events: inserted['events'] ?? 0,
      feedback: inserted['feedback'] ?? 0,
      customers: newCustomers?.n ?? 0,
    },
    erased,
    affected,
    changes,
  }
}

async function latestSnapshot(conn: Connection): Promise<SnapshotInfo | null> {
  try {
    return await findSnapshot(conn, 'latest')
  } catch (error) {
    if (error instanceof StrataError && error.exitCode === EXIT.NOT_FOUND) return null
    throw error
  }
}

/**
 * Step 2: the R/F/M inputs of customers who got new orders, recomputed from all their orders in the
 * snapshot's window (live orders are dated after the snapshot's `asOf`, so recency is clamped at 0 days),
 * scored against the snapshot's population, written into the snapshot's rows with the lifecycle rule re-run.
 */
async function rescore(conn: Connection, snap: SnapshotInfo, dist: Distribution): Promise<void> {
  const d = conn.dialect
  const asOf = d.dateLiteral(snap.asOf)
  const from = snap.windowStart
    ? sql`AND o.ordered_at >= ${d.timestampLiteral(`${snap.windowStart} 00:00:00`)}`
    : sql``
  const days = d.daysBetween(d.dateOf(sql`max(CASE WHEN ${IS_PURCHASE} THEN o.ordered_at END)`), asOf)
  await conn.run(sql`${d.replaceTempTable(INPUTS)} AS
    SELECT o.customer_id, CASE WHEN ${days} < 0 THEN 0 ELSE ${days} END AS recency_days,
      ${d.countIf(IS_PURCHASE)} AS frequency, ${d.toMoney(sql`sum(${NET_CONTRIBUTION})`)} AS monetary,
      min(CASE WHEN ${IS_PURCHASE} THEN o.ordered_at END) AS first_order_at,
      max(CASE WHEN ${IS_PURCHASE} THEN o.ordered_at END) AS last_order_at
    FROM orders AS o
    WHERE o.customer_id IN (SELECT customer_id FROM ${ident(STAGE_ORDERS)}) ${from}
    GROUP BY o.customer_id HAVING ${d.countIf(IS_PURCHASE)} > 0`)
  const inputs = await conn.all<{
    customer_id: string
    recency_days: number
    frequency: number
    monetary: number
  }>(sql`SELECT customer_id, recency_days, frequency, monetary FROM ${ident(INPUTS)}`)
  const rows = inputs.map((x) => {
    const sc = scoreAgainst(dist, x)
    return [x.customer_id, sc.r, sc.f, sc.m, sc.code, sc.segment] as SqlValue[]
  })
  await conn.run(sql`${d.replaceTempTable(SCORES)} (customer_id ${raw(d.columnType('text'))},
    r INTEGER, f INTEGER, m INTEGER, rfm_code ${raw(d.columnType('text'))},
    rfm_segment ${raw(d.columnType('text'))})`)
  if (rows.length) await conn.append(SCORES, ['customer_id', 'r', 'f', 'm', 'rfm_code', 'rfm_segment'], rows)
  // Customers the snapshot never saw get a row (found with a semi-join, as for customers above); then
  // every touched row takes its new inputs and scores.
  await conn.run(sql`${d.replaceTempTable(SCORED)} AS SELECT customer_id FROM customer_scores
    WHERE snapshot_id = ${snap.snapshotId} AND customer_id IN (SELECT customer_id FROM ${ident(SCORES)})`)
  await conn.run(sql`INSERT INTO customer_scores (snapshot_id, customer_id)
    SELECT ${snap.snapshotId}, customer_id FROM ${ident(SCORES)} AS s WHERE NOT EXISTS
      (SELECT 1 FROM ${ident(SCORED)} AS c WHERE c.customer_id = s.customer_id)`)
  // One statement: inputs, scores and the lifecycle rule re-run on the new values (median interval and
  // P(alive) stay the snapshot's until the next analysis).
  const rule = lifecycleRuleExpr(snap.config.lifecycle, {
    scored: sql`TRUE`,
    recencyDays: sql`i.recency_days`,
    frequency: sql`i.frequency`,
    r: sql`s.r`,
    f: sql`s.f`,
    medianIntervalDays: sql`customer_scores.median_interval_days`,
    pAlive: sql`customer_scores.p_alive`,
  })
  await conn.run(sql`UPDATE customer_scores SET recency_days = i.recency_days, frequency = i.frequency,
      monetary = i.monetary, r = s.r, f = s.f, m = s.m, rfm_code = s.rfm_code, rfm_segment = s.rfm_segment,
      first_order_at = i.first_order_at, last_order_at = i.last_order_at,
      lifecycle_reason = ${rule}, lifecycle = ${lifecycleOfRule(rule)}
    FROM ${ident(INPUTS)} AS i JOIN ${ident(SCORES)} AS s ON s.customer_id = i.customer_id
    WHERE customer_scores.snapshot_id = ${snap.snapshotId} AND customer_scores.customer_id = i.customer_id`)
  // Σ monetary of the snapshot moved: the segments' population cache (shares of revenue) is recounted.
  await conn.run(sql`DELETE FROM segment_population WHERE snapshot_id = ${snap.snapshotId}`)
}
