import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerTimeline } from '../../src/analytics/customer-timeline.js'
import { analyze, DEFAULT_CONFIG, dashboardSummary } from '../../src/analytics/index.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import '../../src/tables.js'
import { loadFixture, SHOP } from '../analytics/fixture.js'

// The overview's figures and the customer timeline on the analytics conformance fixture, by hand:
// asOf 2024-07-01; buyers c1 (3 purchases), c2 (1: o5 — o4 is on asOf, outside), c3 (2 purchases + a refund),
// c4 (1), c5 (2), c7 (1, an order without a customer row). c6 and c8 only have refunds: not purchases.

let store: Store

beforeAll(async () => {
  store = await openStore(':memory:')
  await loadFixture(store.conn, SHOP)
  await analyze(store.conn, {
    asOf: '2024-07-01',
    windowStart: null,
    config: DEFAULT_CONFIG,
    createdAt: '2024-07-01 08:00:00',
  } as Parameters<typeof analyze>[1])
})
afterAll(async () => store.close())

describe('dashboardSummary', () => {
  it('KPIs of one snapshot match a direct count', async () => {
    const d = await dashboardSummary(store.conn, 'latest')
    const direct = await store.conn.one<Record<string, number>>(sql`SELECT count(*) AS n,
      sum(CASE WHEN frequency >= 1 THEN 1 ELSE 0 END) AS buyers,
      sum(CASE WHEN frequency >= 2 THEN 1 ELSE 0 END) AS repeaters,
      sum(CASE WHEN recency_days <= 90 THEN 1 ELSE 0 END) AS active,
      CAST(sum(monetary) AS DOUBLE) AS revenue FROM customer_scores`)
    expect(d.current.snapshotId).toBe('1')
    expect(d.previous).toBeNull()
    expect(d.current.buyers).toBe(Number(direct!['buyers']))
    expect(d.current.repeaters).toBe(Number(direct!['repeaters']))
    expect(d.current.active).toBe(Number(direct!['active']))
    expect(d.current.revenue).toBeCloseTo(Number(direct!['revenue']), 6)
    // By hand: c1 (3), c3 (2), c5 (2) bought twice or more.
    expect(d.current.repeaters).toBe(3)
    expect(d.current.repeatRate).toBeCloseTo(3 / d.current.buyers, 10)
    expect(d.current.avgClv).toBeNull() // no model ran
    expect(d.rf.reduce((s, c) => s + c.customers, 0)).toBe(d.current.buyers)
    expect(d.trend.map((k) => k.snapshotId)).toEqual(['1'])
  })

  it('compares with the previous snapshot and orders the trend oldest first', async () => {
    await analyze(store.conn, {
      asOf: '2024-06-01',
      windowStart: null,
      config: DEFAULT_CONFIG,
      createdAt: '2024-07-02 08:00:00',
    } as Parameters<typeof analyze>[1])
    const d = await dashboardSummary(store.conn, 'latest')
    expect(d.current.snapshotId).toBe('2')
    expect(d.previous?.snapshotId).toBe('1')
    expect(d.trend.map((k) => k.asOf)).toEqual(['2024-07-01', '2024-06-01'])
    const first = await dashboardSummary(store.conn, '1')
    expect(first.previous).toBeNull()
    expect(first.trend.map((k) => k.snapshotId)).toEqual(['1'])
  })
})

describe('customerTimeline', () => {
  it("merges a customer's orders, events and feedback newest first", async () => {
    const items = await customerTimeline(store.conn, 'c1', { limit: 100, offset: 0 })
    expect(items.map((i) => `${i.kind}:${i.at.slice(0, 10)}:${i.title}`)).toEqual([
      'feedback:2024-07-02:NPS 10',
      'event:2024-07-01:view',
      'order:2024-06-30:o1',
      'event:2024-06-29:add_to_cart',
      'event:2024-06-28:view',
      'event:2024-06-10:search',
      'feedback:2024-06-01:4.5',
      'feedback:2024-05-01:NPS 8', // same minute as o2: ties go by kind, then title
      'order:2024-05-01:o2',
      'event:2024-03-20:add_to_cart',
      'order:2024-03-01:o3',
    ])
    expect(items[2]).toMatchObject({ amount: 100, detail: 'paid · app' })
  })

  it('pages with limit and offset', async () => {
    const page = await customerTimeline(store.conn, 'c1', { limit: 2, offset: 2 })
    expect(page.map((i) => i.title)).toEqual(['o1', 'add_to_cart'])
    expect(await customerTimeline(store.conn, 'nobody', { limit: 5, offset: 0 })).toEqual([])
  })
})
