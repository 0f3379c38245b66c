import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bgnbdConditionalExpected, bgnbdPAlive } from '../../src/models/bgnbd-predict.js'
import { asOfWindow } from '../../src/models/btyd-summary.js'
import { fitModels } from '../../src/models/fit-models.js'
import { predictStep } from '../../src/models/snapshot-predictions.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import { cdnowStore, ORDER_COLUMNS } from './cdnow-fixture.js'

async function storeWith(
  orders: [customer: string, day: string, amount: number, status?: string][],
): Promise<Store> {
  const store = await openStore(':memory:')
  await store.conn.append(
    'orders',
    ORDER_COLUMNS,
    orders.map(([c, day, amount, status], i) => [
      't',
      String(i),
      c,
      `${day} 10:00:00`,
      amount,
      null,
      null,
      status ?? 'paid',
      null,
      null,
      null,
      null,
      null,
    ]),
  )
  return store
}

describe('refusal on data that cannot support a fit', () => {
  it('no purchases before asOf', async () => {
    const store = await storeWith([['a', '2024-05-01', 10]])
    const r = await predictStep(store.conn, { asOf: '2024-01-01', snapshotId: 's' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('models.no_purchases')
    await store.close()
  })

  it('one day of history (T = 0 for everyone)', async () => {
    const store = await storeWith([
      ['a', '2024-05-01', 10],
      ['a', '2024-05-01', 12],
      ['b', '2024-05-01', 7],
    ])
    const r = await fitModels(
      store.conn,
      { ordersBefore: '2024-05-02', measureTo: '2024-05-01' },
      { unit: 'week' },
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('models.one_day_of_history')
    await store.close()
  })

  it('too few repeat buyers; cancelled, refunded and non-positive orders are not purchases', async () => {
    const orders: [string, string, number, string?][] = []
    for (let i = 0; i < 50; i++) orders.push([`c${i}`, '2024-01-05', 10])
    orders.push(['c1', '2024-02-05', 10], ['c2', '2024-03-01', 5])
    orders.push(
      ['c3', '2024-03-02', 10, 'cancelled'],
      ['c4', '2024-03-03', 10, 'refunded'],
      ['c5', '2024-03-04', -10],
    )
    const store = await storeWith(orders)
    const r = await predictStep(store.conn, { asOf: '2024-06-01', snapshotId: 's' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.diagnostics[0]!.code).toBe('models.too_few_repeat_buyers')
      expect(r.diagnostics[0]!.params).toMatchObject({ n: 2, min: 20, customers: 50 })
    }
    await store.close()
  })
})

describe('predictStep on CDNOW (asOf 1997-10-01)', () => {
  let store: Store
  beforeAll(async () => {
    store = await cdnowStore()
  })
  afterAll(async () => store.close())

  it('scores every customer in SQL and agrees with the closed forms in TypeScript', async () => {
    const r = await predictStep(store.conn, { asOf: '1997-10-01', snapshotId: 'snap-1' })
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
    const rows = await store.conn.all<Record<string, unknown>>(
      sql`SELECT * FROM ${sql`snapshot_predictions`} ORDER BY customer_id`,
    )
    // DESIGN §4 purchases (amount > 0): the eight $0.00 CDNOW customers are prospects here.
    expect(rows).toHaveLength(2349)
    expect(Object.keys(rows[0]!)).toEqual([
      'customer_id',
      'clv_12m',
      'expected_purchases_90d',
      'p_alive',
      'expected_next_order_at',
    ])
    for (const row of rows) {
      for (const k of ['clv_12m', 'expected_purchases_90d', 'p_alive'])
        expect(Number.isFinite(row[k])).toBe(true)
      expect(row['p_alive'] as number).toBeGreaterThanOrEqual(0)
      expect(row['p_alive'] as number).toBeLessThanOrEqual(1)
    }
    const bg = (r.info['bgnbd'] as { params: { r: number; alpha: number; a: number; b: number } }).params
    const c1516 = rows.find((row) => row['customer_id'] === '1516')!
    // T is measured to asOf here: 1997-02-25 → 1997-10-01 = 218 days; last purchase 1997-09-29 (216 days).
    expect(c1516['p_alive']).toBeCloseTo(bgnbdPAlive(bg, 26, 216 / 7, 218 / 7), 10)
    expect(c1516['expected_purchases_90d']).toBeCloseTo(
      bgnbdConditionalExpected(bg, 26, 216 / 7, 218 / 7, 90 / 7),
      8,
    )
    // A frequent, recent buyer is expected back within weeks; the next-order date is after asOf.
    expect(String(c1516['expected_next_order_at']) > '1997-10-01').toBe(true)
    expect(String(c1516['expected_next_order_at']) < '1997-11-01').toBe(true)
    expect(r.info['customers']).toBe(2349)
  })

  it('summarises with T measured to asOf (orders dated before asOf)', async () => {
    const r = await fitModels(store.conn, asOfWindow('1997-10-01'), { unit: 'week', models: 'bgnbd' })
    expect(r.ok && r.value.customers).toBe(2349)
  })
})
