import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { analyze, DEFAULT_CONFIG, parseAnalysisConfig, rfmStageQuery } from '../../src/analytics/index.js'
import { duckdbDialect } from '../../src/sql/duckdb/duckdb-dialect.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import { type Fixture, loadFixture } from './fixture.js'

type Order = NonNullable<Fixture['orders']>[number]
const order = (
  id: string,
  customer: string | null,
  at: string,
  amount: number,
  status: string | null = 'paid',
): Order => [id, customer, at, amount, status, null, null, null]

let store: Store
beforeEach(async () => {
  store = await openStore(':memory:')
})
afterEach(() => store.close())

async function scores(asOf = '2024-07-01', config = DEFAULT_CONFIG) {
  await analyze(store.conn, { asOf, config })
  return store.conn.all<{
    customer_id: string
    recency_days: number
    frequency: number
    monetary: number
    r: number
    f: number
    m: number
  }>(
    sql`SELECT customer_id, recency_days, frequency, monetary, r, f, m FROM customer_scores
        WHERE snapshot_id = (SELECT max(snapshot_id) FROM snapshots) AND r IS NOT NULL ORDER BY customer_id`,
  )
}

/** A deterministic pseudo-random stream (LCG), so generated fixtures are the same on every run. */
function lcg(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('RFM scores (DESIGN §4: 1 + floor(5 · worse / N))', () => {
  it('compiles to the expected DuckDB SQL and parameters', () => {
    const q = duckdbDialect.compile(
      rfmStageQuery(duckdbDialect, {
        asOf: '2024-07-01',
        windowStart: '2024-01-01',
        rfm: { bins: 5, thresholds: { f: [2, 3, 5, 8] } },
      }),
    )
    const purchase = "(o.amount > 0 AND NOT coalesce(o.status, '') IN ('cancelled', 'refunded'))"
    expect(q.sql).toBe(`CREATE OR REPLACE TEMP TABLE "strata_stage_rfm" AS
WITH agg AS (
  SELECT o.customer_id,
    date_diff('day', CAST(max(CASE WHEN ${purchase} THEN o.ordered_at END) AS DATE), CAST($1 AS DATE)) AS recency_days,
    count(*) FILTER (WHERE ${purchase}) AS frequency,
    CAST(sum((CASE WHEN o.amount > 0 AND coalesce(o.status, '') IN ('cancelled', 'refunded') THEN 0 ELSE o.amount END)) AS DECIMAL(18,4)) AS monetary
  FROM orders AS o
  WHERE o.customer_id IS NOT NULL AND o.ordered_at < CAST($2 AS TIMESTAMP) AND o.ordered_at >= CAST($3 AS TIMESTAMP)
  GROUP BY o.customer_id
  HAVING count(*) FILTER (WHERE ${purchase}) > 0
), ranked AS (
  SELECT agg.*, count(*) OVER () AS n,
    (rank() OVER (ORDER BY -recency_days ASC) - 1) AS r_worse,
    (rank() OVER (ORDER BY frequency ASC) - 1) AS f_worse,
    (rank() OVER (ORDER BY monetary ASC) - 1) AS m_worse
  FROM agg
)
SELECT customer_id, recency_days, frequency, monetary, n, r_worse, f_worse, m_worse,
  (1 + (CAST($4 AS INTEGER) * r_worse // n)) AS r,
  (CASE WHEN frequency >= $5 THEN $6 WHEN frequency >= $7 THEN $8 WHEN frequency >= $9 THEN $10 WHEN frequency >= $11 THEN $12 ELSE 1 END) AS f,
  (1 + (CAST($13 AS INTEGER) * m_worse // n)) AS m
FROM ranked`)
    expect(q.parameters).toEqual([
      '2024-07-01',
      '2024-07-01 00:00:00',
      '2024-01-01 00:00:00',
      5,
      8,
      5,
      5,
      4,
      3,
      3,
      2,
      2,
      5,
    ])
  })

  it('gives every one-time buyer the same F, and ties share every score', async () => {
    const orders: Order[] = []
    for (let i = 0; i < 40; i++) orders.push(order(`a${i}`, `c${i}`, '2024-06-01 10:00:00', 10))
    for (let i = 0; i < 10; i++) orders.push(order(`b${i}`, `c${i}`, '2024-06-02 10:00:00', 10))
    await loadFixture(store.conn, { orders })
    const rows = await scores()
    expect(rows).toHaveLength(40)
    const byFrequency = new Map<number, Set<number>>()
    for (const r of rows) byFrequency.set(r.frequency, (byFrequency.get(r.frequency) ?? new Set()).add(r.f))
    // 30 one-time buyers: nobody is worse → F 1; 10 two-time buyers: 30 worse → 1 + ⌊150/40⌋ = 4.
    expect([...byFrequency.get(1)!]).toEqual([1])
    expect([...byFrequency.get(2)!]).toEqual([4])
  })

  it('scores one customer 1/1/1 and identical customers identically', async () => {
    await loadFixture(store.conn, { orders: [order('o1', 'solo', '2024-06-01 10:00:00', 5)] })
    expect(await scores()).toMatchObject([{ customer_id: 'solo', r: 1, f: 1, m: 1 }])
    const other = await openStore(':memory:')
    await loadFixture(other.conn, {
      orders: Array.from({ length: 7 }, (_, i) => order(`o${i}`, `c${i}`, '2024-06-01 10:00:00', 5)),
    })
    await analyze(other.conn, { asOf: '2024-07-01' })
    const same = await other.conn.all(sql`SELECT DISTINCT r, f, m FROM customer_scores`)
    expect(same).toEqual([{ r: 1, f: 1, m: 1 }])
    await other.close()
  })

  it('keeps scores in 1..5 and equals a direct SQL computation on random data with heavy ties', async () => {
    const rand = lcg(7)
    const orders: Order[] = []
    for (let c = 0; c < 300; c++) {
      const n = 1 + Math.floor(rand() * rand() * 6)
      for (let k = 0; k < n; k++) {
        const day = 1 + Math.floor(rand() * 28)
        const amount = [5, 10, 10, 20, -5][Math.floor(rand() * 5)]!
        orders.push(
          order(
            `o${c}-${k}`,
            `c${c}`,
            `2024-0${1 + Math.floor(rand() * 6)}-${String(day).padStart(2, '0')} 12:00:00`,
            amount,
          ),
        )
      }
    }
    orders.push(order('guest', null, '2024-06-01 10:00:00', 999))
    await loadFixture(store.conn, { orders })
    const rows = await scores()
    for (const r of rows) for (const s of [r.r, r.f, r.m]) expect(s >= 1 && s <= 5).toBe(true)
    // Plain SQL, written independently: correlated counts instead of window functions.
    const direct = await store.conn.all(sql`
      WITH a AS (
        SELECT customer_id,
          date_diff('day', max(CAST(ordered_at AS DATE)) FILTER (WHERE amount > 0 AND status = 'paid'), DATE '2024-07-01') AS rec,
          count(*) FILTER (WHERE amount > 0 AND status = 'paid') AS freq,
          sum(amount) AS mon
        FROM orders WHERE customer_id IS NOT NULL AND ordered_at < TIMESTAMP '2024-07-01 00:00:00'
        GROUP BY customer_id HAVING count(*) FILTER (WHERE amount > 0 AND status = 'paid') > 0)
      SELECT customer_id, rec AS recency_days, freq AS frequency, mon AS monetary,
        1 + (5 * (SELECT count(*) FROM a b WHERE b.rec > a.rec)) // (SELECT count(*) FROM a) AS r,
        1 + (5 * (SELECT count(*) FROM a b WHERE b.freq < a.freq)) // (SELECT count(*) FROM a) AS f,
        1 + (5 * (SELECT count(*) FROM a b WHERE b.mon < a.mon)) // (SELECT count(*) FROM a) AS m
      FROM a ORDER BY customer_id`)
    expect(rows).toEqual(direct)
    expect(new Set(rows.map((r) => r.f)).size).toBeGreaterThan(1)
  })

  it('counts recency in calendar days: 23:59 the day before is 1, 00:00 on asOf is outside', async () => {
    await loadFixture(store.conn, {
      orders: [
        order('late', 'a', '2024-06-30 23:59:59', 10),
        order('early', 'b', '2024-06-30 00:00:00', 10),
        order('on-asof', 'c', '2024-07-01 00:00:00', 10),
        order('old', 'c', '2024-06-29 23:59:00', 10),
      ],
    })
    const rows = await scores()
    expect(rows.map((r) => [r.customer_id, r.recency_days])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 2],
    ])
  })

  it('lets returns reduce monetary (even to 0) without changing frequency', async () => {
    await loadFixture(store.conn, {
      orders: [
        order('p1', 'a', '2024-06-01 10:00:00', 100),
        order('r1', 'a', '2024-06-05 10:00:00', -40, 'refunded'),
        order('p2', 'b', '2024-06-01 10:00:00', 50),
        order('r2', 'b', '2024-06-02 10:00:00', -50, 'cancelled'),
        order('x', 'b', '2024-06-03 10:00:00', 70, 'cancelled'),
        order('y', 'b', '2024-06-04 10:00:00', 70, 'refunded'),
      ],
    })
    const rows = await scores()
    expect(rows.map((r) => [r.customer_id, r.frequency, r.monetary, r.recency_days])).toEqual([
      ['a', 1, 60, 30],
      ['b', 1, 0, 30],
    ])
  })

  it('supports quartiles and custom thresholds per dimension', async () => {
    const orders: Order[] = []
    for (let i = 0; i < 8; i++)
      for (let k = 0; k <= i; k++)
        orders.push(order(`o${i}-${k}`, `c${i}`, `2024-06-${String(10 + i).padStart(2, '0')} 10:00:00`, 10))
    await loadFixture(store.conn, { orders })
    const quartiles = await scores('2024-07-01', {
      ...DEFAULT_CONFIG,
      rfm: { ...DEFAULT_CONFIG.rfm, bins: 4 },
    })
    expect(quartiles.map((r) => r.f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4])
    const custom = parseAnalysisConfig({ rfm: { thresholds: { f: [2, 3, 5, 8], r: [15, 17, 19, 30] } } })
    if (!custom.ok) throw new Error(JSON.stringify(custom.diagnostics))
    const rows = await scores('2024-07-01', custom.value)
    expect(rows.map((r) => r.f)).toEqual([1, 2, 3, 3, 4, 4, 4, 5])
    expect(rows.map((r) => r.recency_days)).toEqual([21, 20, 19, 18, 17, 16, 15, 14])
    expect(rows.map((r) => r.r)).toEqual([2, 2, 3, 3, 4, 4, 5, 5])
  })

  it('rejects an empty window and a store without orders', async () => {
    await expect(analyze(store.conn, {})).rejects.toMatchObject({
      diagnostic: { code: 'analytics.no_orders' },
    })
    await loadFixture(store.conn, {
      orders: [order('o1', 'a', '2024-06-01 10:00:00', 10), order('g', null, '2024-01-01 10:00:00', 10)],
    })
    await expect(analyze(store.conn, { asOf: '2024-06-01' })).rejects.toMatchObject({
      diagnostic: { code: 'analytics.empty_window' },
    })
    await expect(analyze(store.conn, { asOf: '2024-02-30' })).rejects.toMatchObject({
      diagnostic: { code: 'analytics.bad_date' },
    })
    await expect(
      analyze(store.conn, { asOf: '2024-07-01', windowStart: '2024-07-01' }),
    ).rejects.toMatchObject({
      diagnostic: { code: 'analytics.bad_window' },
    })
    const def = await analyze(store.conn, {})
    expect(def.asOf).toBe('2024-06-02')
  })
})
