import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { NOT_PRESENT, segmentMigration, UNSCORED } from '../../src/evaluation/index.js'
import { sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/index.js'
import { loadFixture, SHOP } from '../analytics/fixture.js'
import { memoryStore, orders, snapshot } from './fixture.js'

describe('segment migration on a hand fixture', () => {
  let store: Store
  beforeAll(async () => {
    store = await memoryStore()
    const c = store.conn
    // a: Champions → Loyal (down) · b: Champions → Champions · c: At Risk → Champions (up)
    // d: prospect → New Customers (up: first purchase) · e: only in snapshot 2 (Lost) · f: only in 1 (Lost)
    // g: Promising → New Customers (peers on one level: lateral)
    await snapshot(c, '1', '2024-01-01', [
      ['a', 'Champions', 'Loyal', 'high', 500, 6, null],
      ['b', 'Champions', 'Loyal', 'high', 400, 5, null],
      ['c', 'At Risk', 'At-risk', 'potential', 300, 3, null],
      ['d', null, 'Prospect', null, 0, null, null],
      ['f', 'Lost', 'Churned', 'churned', 20, 1, null],
      ['g', 'Promising', 'New', 'regular', 60, 1, null],
    ])
    await snapshot(c, '2', '2024-02-01', [
      ['a', 'Loyal', 'At-risk', 'high', 500, 6, null],
      ['b', 'Champions', 'Loyal', 'high', 450, 6, null],
      ['c', 'Champions', 'Repeat', 'high', 380, 4, null],
      ['d', 'New Customers', 'New', 'low', 30, 1, null],
      ['e', 'Lost', 'Churned', 'churned', 10, 1, null],
      ['g', 'New Customers', 'New', 'regular', 60, 1, null],
    ])
    // Orders between the two dates: b 50, c 80, d 30 (and one before / one on the later date: not counted).
    await orders(c, [
      ['o1', 'b', '2024-01-10 10:00:00', 50, 'paid'],
      ['o2', 'c', '2024-01-31 23:59:00', 80, 'paid'],
      ['o3', 'd', '2024-01-01 00:00:00', 30, 'paid'],
      ['o4', 'a', '2023-12-31 12:00:00', 99, 'paid'],
      ['o5', 'a', '2024-02-01 00:00:00', 99, 'paid'],
    ])
  })
  afterAll(() => store.close())

  it('counts each customer once, in (before, after), with the special rows and columns', async () => {
    const m = await segmentMigration(store.conn, { from: '1', to: '2', dimension: 'rfm_segment' })
    const cell = (from: string, to: string) => m.cells.find((x) => x.from === from && x.to === to)
    expect(m.cells.map((x) => [x.from, x.to, x.customers, x.direction])).toEqual([
      ['Champions', 'Champions', 1, 'same'],
      ['Champions', 'Loyal', 1, 'downgrade'],
      ['Promising', 'New Customers', 1, 'lateral'],
      ['At Risk', 'Champions', 1, 'upgrade'],
      ['Lost', NOT_PRESENT, 1, 'left'],
      [UNSCORED, 'New Customers', 1, 'upgrade'],
      [NOT_PRESENT, 'Lost', 1, 'entered'],
    ])
    expect(cell('Champions', 'Loyal')).toMatchObject({ revenueFrom: 500, revenueTo: 500, periodRevenue: 0 })
    expect(cell('At Risk', 'Champions')).toMatchObject({
      revenueFrom: 300,
      revenueTo: 380,
      periodRevenue: 80,
    })
    expect(cell(UNSCORED, 'New Customers')!.periodRevenue).toBe(30)
    expect(m.rowTotals).toEqual({
      Champions: 2,
      Promising: 1,
      'At Risk': 1,
      Lost: 1,
      [UNSCORED]: 1,
      [NOT_PRESENT]: 1,
    })
    expect(m.columnTotals).toEqual({ Champions: 2, Loyal: 1, 'New Customers': 2, Lost: 1, [NOT_PRESENT]: 1 })
    expect(m.moves.upgrade).toEqual({ customers: 2, periodRevenue: 110 })
    expect(m.moves.downgrade.customers).toBe(1)
    expect(m.moves.same).toEqual({ customers: 1, periodRevenue: 50 })
    expect(m.sankey.links).toHaveLength(7)
    expect(m.sankey.nodes.filter((n) => n.side === 'from').map((n) => n.key)).toEqual([
      'Champions',
      'Promising',
      'At Risk',
      'Lost',
      UNSCORED,
      NOT_PRESENT,
    ])
    expect(m.sankey.links[0]).toEqual({
      source: 'from:Champions',
      target: 'to:Champions',
      value: 1,
      revenue: 50,
    })
  })

  it('lifecycle and value tiers use their own orders', async () => {
    const l = await segmentMigration(store.conn, { from: '1', to: '2', dimension: 'lifecycle' })
    const dir = (from: string, to: string) => l.cells.find((x) => x.from === from && x.to === to)?.direction
    expect(dir('Loyal', 'At-risk')).toBe('downgrade')
    expect(dir('At-risk', 'Repeat')).toBe('upgrade')
    expect(dir('Prospect', 'New')).toBe('upgrade')
    const v = await segmentMigration(store.conn, { from: '1', to: '2', dimension: 'value_tier' })
    expect(v.cells.find((x) => x.from === 'potential' && x.to === 'high')?.direction).toBe('upgrade')
    expect(v.rowTotals).toEqual({
      high: 2,
      potential: 1,
      regular: 1,
      churned: 1,
      [UNSCORED]: 1,
      [NOT_PRESENT]: 1,
    })
  })
})

describe('migration between two analyze runs', () => {
  it('rows sum to the earlier snapshot sizes and columns to the later ones', async () => {
    const store = await memoryStore()
    try {
      await loadFixture(store.conn, SHOP)
      await analyze(store.conn, { asOf: '2024-04-01' })
      await analyze(store.conn, { asOf: '2024-07-01' })
      const m = await segmentMigration(store.conn, { from: '1', to: '2', dimension: 'rfm_segment' })
      const sizes = async (id: string) =>
        Object.fromEntries(
          (
            await store.conn.all<{ k: string; n: number }>(
              sql`SELECT coalesce(rfm_segment, ${UNSCORED}) AS k, count(*) AS n FROM customer_scores WHERE snapshot_id = ${id} GROUP BY 1`,
            )
          ).map((r) => [r.k, Number(r.n)]),
        )
      const { [NOT_PRESENT]: newcomers, ...rows } = m.rowTotals
      expect(rows).toEqual(await sizes('1'))
      const { [NOT_PRESENT]: gone, ...cols } = m.columnTotals
      expect(cols).toEqual(await sizes('2'))
      expect(newcomers).toBeGreaterThan(0)
      expect(gone ?? 0).toBe(0)
    } finally {
      await store.close()
    }
  })
})
