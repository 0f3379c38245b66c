import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cohortTable, monthLabel } from '../../src/evaluation/index.js'
import { sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/index.js'
import { memoryStore, orders, snapshot } from './fixture.js'

describe('cohorts by first-purchase month', () => {
  let store: Store
  beforeAll(async () => {
    store = await memoryStore()
    await orders(store.conn, [
      // x1: cohort 2024-01; buys again in Feb; a refund in March (not a purchase, but −30 of revenue).
      ['a1', 'x1', '2024-01-05 10:00:00', 100, 'paid'],
      ['a2', 'x1', '2024-02-10 10:00:00', 50, 'paid'],
      ['a3', 'x1', '2024-03-01 10:00:00', -30, 'refunded'],
      // x2: cohort 2024-01; second purchase in March.
      ['b1', 'x2', '2024-01-20 10:00:00', 80, 'paid'],
      ['b2', 'x2', '2024-03-15 10:00:00', 20, 'paid'],
      // x3: cohort 2024-02; second purchase the same month; a cancelled order in March (nothing).
      ['c1', 'x3', '2024-02-03 10:00:00', 60, 'paid'],
      ['c2', 'x3', '2024-02-20 10:00:00', 40, 'paid'],
      ['c3', 'x3', '2024-03-02 10:00:00', 70, 'cancelled'],
      // x4: first purchase in 2023-12: outside the three cohorts asked for.
      ['d1', 'x4', '2023-12-30 10:00:00', 10, 'paid'],
      ['d2', 'x4', '2024-01-02 10:00:00', 10, 'paid'],
      // after asOf: ignored
      ['e1', 'x1', '2024-03-20 00:00:00', 500, 'paid'],
    ])
    await snapshot(store.conn, '1', '2024-03-20', [
      ['x1', 'Champions', 'Repeat', 'high', 120, 2, 100],
      ['x2', 'Loyal', 'Repeat', 'high', 100, 2, 200],
      ['x3', 'Loyal', 'Repeat', 'high', 100, 2, null],
      ['x4', 'Lost', 'Repeat', 'low', 20, 2, 5],
    ])
  })
  afterAll(() => store.close())

  it('retention, revenue, repeat curve and CLV equal the hand count', async () => {
    const t = await cohortTable(store.conn, { asOf: '2024-03-20', months: 3, snapshotId: '1' })
    // 2024-03 has no first purchase: no row.
    expect(t.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ['2024-01', 2],
      ['2024-02', 1],
    ])
    const jan = t.cohorts[0]!
    // M0: both bought (180); M1: x1 (50); M2: x2 bought (20), x1's refund (−30) → revenue −10.
    expect(
      jan.periods.map((p) => [p.period, p.customers, p.retention, p.revenue, p.repeatShare, p.partial]),
    ).toEqual([
      [0, 2, 1, 180, 0, false],
      [1, 1, 0.5, 50, 0.5, false],
      [2, 1, 0.5, -10, 1, true],
    ])
    expect(jan.clv).toEqual({ mean: 150, total: 300, customers: 2 })
    const feb = t.cohorts[1]!
    // x3's second purchase is in its first month: the repeat curve starts at 100%.
    expect(feb.periods.map((p) => [p.customers, p.revenue, p.repeatShare])).toEqual([
      [1, 100, 1],
      [0, 0, 1],
    ])
    expect(feb.clv).toBeNull()
  })

  it('without a snapshot there is no CLV; a month start as-of has no partial month', async () => {
    const t = await cohortTable(store.conn, { asOf: '2024-03-01', months: 2 })
    expect(t.cohorts.map((c) => c.cohort)).toEqual(['2024-01', '2024-02'])
    expect(t.cohorts.every((c) => c.clv === null && c.periods.every((p) => !p.partial))).toBe(true)
    expect(t.cohorts[0]!.periods.map((p) => p.customers)).toEqual([2, 1])
  })
})

describe('dialect monthIndex', () => {
  it('numbers months year × 12 + month − 1 for dates and wall-clock timestamps', async () => {
    const store = await memoryStore()
    try {
      const d = store.conn.dialect
      const row = await store.conn.one<{ a: number; b: number; c: number }>(sql`SELECT
        ${d.monthIndex(d.dateLiteral('2024-01-31'))} AS a,
        ${d.monthIndex(d.timestampLiteral('2024-12-31 23:59:59'))} AS b,
        ${d.monthIndex(d.timestampLiteral('2025-01-01 00:00:00'))} AS c`)
      expect([row!.a, row!.b, row!.c].map(Number)).toEqual([2024 * 12, 2024 * 12 + 11, 2025 * 12])
      expect(monthLabel(2024 * 12 + 11)).toBe('2024-12')
    } finally {
      await store.close()
    }
  })
})
