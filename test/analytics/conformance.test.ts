import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { analyze, explainCustomer } from '../../src/analytics/index.js'
import { generateDemo } from '../../src/demo/index.js'
import { asOfWindow, backtest, btydSummaryQuery, predictStep } from '../../src/models/index.js'
import type { Connection } from '../../src/sql/driver.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import { copyTables, ENGINES } from '../support/engine-stores.js'
import { IMPORT_TABLES } from '../support/import-tables.js'
import { loadFixture, SHOP } from './fixture.js'

/**
 * Every analytic on every configured engine (test/support/engine-stores.ts), compared on RESULTS (not SQL
 * text). Test names carry the engine: `[duckdb] …`, `[clickhouse] …` (chdb in-process),
 * `[clickhouse-http] …` (@clickhouse/client over HTTP).
 */
type Scores = Record<string, Record<string, unknown>>

/** Windowed scores per engine; DuckDB runs first and is the reference. */
const WINDOWED = new Map<string, unknown[]>()

const COLUMNS = [
  'recency_days',
  'frequency',
  'monetary',
  'r',
  'f',
  'm',
  'rfm_segment',
  'lifecycle',
  'value_tier',
]
const PROSPECT = (monetary: number) => [null, 0, monetary, null, null, null, null, 'Prospect', null]

/** Worked out by hand from `SHOP` (asOf 2024-07-01, N = 6 scored customers); see fixture.ts. */
// biome-ignore format: a table of expectations reads best one customer per line
const EXPECTED_ROWS: Record<string, unknown[]> = {
  c1: [1, 3, 200, 4, 5, 4, 'Champions', 'Loyal', 'potential'],
  c2: [30, 1, 80, 2, 1, 2, 'Hibernating', 'New', 'regular'],
  c3: [151, 2, 50, 1, 3, 1, 'Lost', 'At-risk', 'low'],
  c4: [274, 1, 300, 1, 1, 5, 'Cannot Lose Them', 'Churned', 'churned'],
  c5: [6, 2, 40, 3, 3, 1, 'About To Sleep', 'Repeat', 'low'],
  c6: PROSPECT(0),
  c7: [1, 1, 100, 4, 1, 3, 'Promising', 'New', 'regular'],
  c8: PROSPECT(-20),
  p1: PROSPECT(0),
}
const EXPECTED: Scores = Object.fromEntries(
  Object.entries(EXPECTED_ROWS).map(([id, values]) => [
    id,
    Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]])),
  ]),
)

for (const engine of ENGINES) {
  const it = (name: string, fn: () => unknown) => test(`[${engine.name}] ${name}`, fn)
  describe(`[${engine.name}] conformance`, () => {
    let store: { conn: Connection; close(): Promise<void> }
    let rows: Scores
    beforeAll(async () => {
      store = await engine.open()
      await loadFixture(store.conn, SHOP)
      await analyze(store.conn, { asOf: '2024-07-01' })
      const all = await store.conn.all(sql`SELECT * FROM customer_scores ORDER BY customer_id`)
      rows = Object.fromEntries(all.map((r) => [r['customer_id'] as string, r]))
    })
    afterAll(() => store?.close())

    it('scores R/F/M, segments, lifecycle and tiers as worked out by hand', () => {
      expect(Object.keys(rows).sort()).toEqual(Object.keys(EXPECTED).sort())
      for (const [id, expected] of Object.entries(EXPECTED)) {
        const got = Object.fromEntries(Object.keys(expected).map((k) => [k, rows[id]![k]]))
        expect({ id, ...got }).toEqual({ id, ...expected })
      }
    })

    it('explains which lifecycle rule fired', () => {
      const reasons = Object.fromEntries(Object.entries(rows).map(([id, r]) => [id, r['lifecycle_reason']]))
      expect(reasons).toEqual({
        c1: 'loyal_rule',
        c2: 'new',
        c3: 'interval_overdue',
        c4: 'churn_days',
        c5: 'repeat',
        c6: 'prospect',
        c7: 'new',
        c8: 'prospect',
        p1: 'prospect',
      })
    })

    it('computes the features of c1 by hand', () => {
      const c1 = rows['c1']!
      expect(c1).toMatchObject({
        first_order_at: '2024-03-01 10:00:00',
        last_order_at: '2024-06-30 23:59:00',
        tenure_days: 122,
        purchase_value: 200,
        aov: 66.6667,
        mean_interval_days: 60.5,
        median_interval_days: 60.5,
        refund_count: 0,
        refund_share: 0,
        top_category: 'toys',
        top_category_2: 'books',
        top_category_3: null,
        top_brand: 'lego',
        top_brand_share: 1,
        views_7d: 1,
        searches_7d: 0,
        carts_7d: 1,
        searches_30d: 1,
        carts_90d: 1,
        latest_nps: 8,
        latest_satisfaction: 4.5,
        age: 34,
        gender: 'F',
        city: '上海',
        region: '华东',
        city_tier: '一线',
      })
      for (const k of [
        'discount_share',
        'online_share',
        'store_share',
        'community_share',
        'weekend_share',
        'night_share',
      ]) {
        expect(c1[k], k).toBeCloseTo(1 / 3, 10)
      }
      expect(c1['top_category_share']).toBeCloseTo(110 / 150, 10)
      expect(c1['top_category_2_share']).toBeCloseTo(40 / 150, 10)
      expect(rows['c2']!['age']).toBe(33)
      expect(rows['c3']).toMatchObject({ refund_count: 1, median_interval_days: 31 })
      expect(rows['c3']!['refund_share']).toBeCloseTo(1 / 3, 10)
      expect(rows['c6']).toMatchObject({ refund_count: 1, first_order_at: null })
    })

    it('stores the snapshot header and explains a customer', async () => {
      const snap = await store.conn.one(
        sql`SELECT customers_total, customers_scored, prospects, monetary_total FROM snapshots`,
      )
      expect(snap).toEqual({ customers_total: 9, customers_scored: 6, prospects: 3, monetary_total: 750 })
      const why = await explainCustomer(store.conn, 'latest', 'c2')
      const f = why.dimensions!.find((d) => d.dim === 'f')!
      expect(f).toMatchObject({ value: 1, score: 1, worse: 0, scored: 6, next: { score: 3, needs: 2 } })
      const r = why.dimensions!.find((d) => d.dim === 'r')!
      expect(r).toMatchObject({ value: 30, score: 2, worse: 2, next: { score: 3, needs: 6 } })
      expect(why.segment).toBe('Hibernating')
      expect(why.moveUp.length).toBeGreaterThan(0)
    })

    // Last: it adds snapshots to the store the tests above read.
    it('refuses an empty window; a June window scores c1, c2, c5, c7 alike on every engine', async () => {
      await expect(analyze(store.conn, { asOf: '2020-01-01' })).rejects.toMatchObject({
        diagnostic: { code: 'analytics.empty_window' },
      })
      const run = await analyze(store.conn, { asOf: '2024-07-01', windowStart: '2024-06-01' })
      const got = await store.conn.all(sql`SELECT customer_id, recency_days, frequency, monetary, r, f, m,
          rfm_segment, lifecycle, value_tier FROM customer_scores WHERE snapshot_id = ${run.snapshotId}
        ORDER BY customer_id`)
      expect(got.filter((row) => row['r'] !== null).map((row) => row['customer_id'])).toEqual([
        'c1',
        'c2',
        'c5',
        'c7',
      ])
      WINDOWED.set(engine.name, got)
      expect(got).toEqual(WINDOWED.get('duckdb'))
    })
  })
}

/**
 * The same generated store (demo data: thousands of customers with ties, returns, cancellations,
 * guests, NULL profiles, Chinese names and cities, events and surveys) analysed end to end — RFM,
 * features, fitted models, lifecycle, value tiers, summary — on DuckDB and on each other engine.
 * Every column of every customer must match; fitted model parameters to 1e-6.
 */
const DEMO_AS_OF = '2026-06-30'
const BACKTEST = {
  calibrationEnd: '2025-12-31',
  holdoutEnd: '2026-06-29',
  unit: 'week',
  models: 'bgnbd+gg',
} as const
const btydRows = (conn: Connection) =>
  conn.all(sql`SELECT * FROM (${btydSummaryQuery(conn, asOfWindow(DEMO_AS_OF))}) AS s ORDER BY customer_id`)
const reference = (async () => {
  const store = await openStore(':memory:')
  await generateDemo(store.conn, { customers: 800, seed: 11, asOf: DEMO_AS_OF })
  const result = await analyze(store.conn, { asOf: DEMO_AS_OF, predict: predictStep })
  const scores = await store.conn.all(sql`SELECT * FROM customer_scores ORDER BY customer_id`)
  const btyd = await btydRows(store.conn)
  const back = await backtest(store.conn, BACKTEST)
  return { store, result, scores, btyd, back }
})()
afterAll(async () => (await reference).store.close())

/**
 * Equal, except floats (model outputs, averages) to 1e-9 relative; and CLV, a model output rounded to
 * money's 4 decimals, may round the other way when the fits differ in the last bits (±0.0001).
 */
function expectClose(got: unknown, want: unknown, where: string): void {
  if (typeof want === 'number' && typeof got === 'number' && !Number.isInteger(want)) {
    const slack = where.endsWith('.clv_12m') ? 1.0001e-4 : 1e-9 * Math.max(1, Math.abs(want))
    expect(Math.abs(got - want), where).toBeLessThanOrEqual(slack)
  } else {
    expect(got, where).toEqual(want)
  }
}

for (const engine of ENGINES.filter((e) => e.name !== 'duckdb')) {
  describe(`[${engine.name}] same results as duckdb on a demo store`, () => {
    let store: { conn: Connection; close(): Promise<void> }
    let result: Awaited<ReturnType<typeof analyze>>
    beforeAll(async () => {
      const ref = await reference
      store = await engine.open()
      await copyTables(ref.store.conn, store.conn, IMPORT_TABLES)
      result = await analyze(store.conn, { asOf: DEMO_AS_OF, predict: predictStep })
    }, 120_000)
    afterAll(() => store?.close())

    test(`[${engine.name}] every customer_scores column of every customer`, async () => {
      const ref = await reference
      const rows = await store.conn.all(sql`SELECT * FROM customer_scores ORDER BY customer_id`)
      expect(rows.length).toBe(ref.scores.length)
      rows.forEach((row, i) => {
        const want = ref.scores[i]!
        for (const column of Object.keys(want)) {
          expectClose(row[column], want[column], `${String(want['customer_id'])}.${column}`)
        }
      })
    })

    test(`[${engine.name}] snapshot summary and fitted models`, async () => {
      const ref = await reference
      expect(result.warnings).toEqual(ref.result.warnings)
      const params = (info: unknown) => JSON.parse(JSON.stringify(info ?? {}))
      const flat = (v: unknown, path: string, out: Record<string, unknown>) => {
        if (v !== null && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) flat(x, `${path}.${k}`, out)
        else out[path] = v
        return out
      }
      const got = flat(params({ s: result.summary, p: result.predictions }), '', {})
      const want = flat(params({ s: ref.result.summary, p: ref.result.predictions }), '', {})
      expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort())
      for (const k of Object.keys(want)) expectClose(got[k], want[k], k)
    })

    test(`[${engine.name}] BTYD summary (x, t_x, T, monetary) of every customer and the backtest`, async () => {
      const ref = await reference
      const rows = await btydRows(store.conn)
      expect(rows.length).toBe(ref.btyd.length)
      rows.forEach((row, i) => {
        for (const [k, v] of Object.entries(ref.btyd[i]!))
          expectClose(row[k], v, `${String(row['customer_id'])}.${k}`)
      })
      const back = await backtest(store.conn, BACKTEST)
      const flat = (v: unknown, path: string, out: Record<string, unknown>) => {
        if (v !== null && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) flat(x, `${path}.${k}`, out)
        else out[path] = v
        return out
      }
      const got = flat(JSON.parse(JSON.stringify(back)), '', {})
      const want = flat(JSON.parse(JSON.stringify(ref.back)), '', {})
      expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort())
      for (const k of Object.keys(want)) expectClose(got[k], want[k], k)
    })
  })
}
