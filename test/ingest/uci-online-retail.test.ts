import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src/ingest/import-file.js'
import { raw } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/index.js'
import { importWith, UCI } from './helpers.js'

let store: Store
let result: ImportResult
let seconds: number
beforeAll(async () => {
  store = await openStore(':memory:')
  const t0 = performance.now()
  result = await importWith(store.conn, { kind: 'orders', file: UCI, preset: 'line-items' })
  seconds = (performance.now() - t0) / 1000
})
afterAll(async () => {
  await store.close()
})

describe('UCI Online Retail through the line-items preset', () => {
  it('reads every row and keeps them all', () => {
    expect(result.status).toBe('imported')
    expect(result.report.rows).toEqual({ read: 541_909, imported: 541_909, unchanged: 0, rejected: 0 })
    expect(result.report.encoding).toBe('utf-8')
    expect(result.report.dateRange).toEqual({ from: '2010-12-01 08:26:00', to: '2011-12-09 12:50:00' })
    // measured on the shared 2-core machine; the budget is generous so a busy machine does not fail it
    expect(seconds).toBeLessThan(60)
  })

  it('makes 25,900 invoices into orders and 4,372 customers', async () => {
    expect(result.report.records).toEqual({ inFile: 25_900, created: 25_900, unchanged: 0 })
    expect(result.report.customers.created).toBe(4_372)
    const n = await store.conn.one(
      raw(
        'SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM order_items) AS items',
      ),
    )
    expect(n).toEqual({ orders: 25_900, customers: 4_372, items: 541_909 })
  })

  it('stores C-invoices as cancellations with amount ≤ 0', async () => {
    const c = await store.conn.one(
      raw(`SELECT count(*) AS n, max(amount) AS most, min(status) AS s1, max(status) AS s2
           FROM orders WHERE order_id LIKE 'C%'`),
    )
    expect(c).toMatchObject({ n: 3_836, s1: 'cancelled', s2: 'cancelled' })
    expect(Number(c!['most'])).toBeLessThanOrEqual(0)
  })

  it('sums Σ quantity × unit price exactly (the known net revenue 9,747,747.934)', async () => {
    const s = await store.conn.one<{ total: string }>(
      raw('SELECT CAST(sum(amount) AS VARCHAR) AS total FROM orders'),
    )
    expect(s!.total).toBe('9747747.9340')
  })

  it('keeps the 135,080 rows without a customer id as guest orders, counted and named in the report', async () => {
    expect(result.report.guestOrders.rows).toBe(135_080)
    expect(result.report.guestOrders.orders).toBe(3_710)
    expect(result.report.missingCustomerIds).toBe(135_080)
    expect(await store.conn.one(raw('SELECT count(*) AS n FROM orders WHERE customer_id IS NULL'))).toEqual({
      n: 3_710,
    })
    expect(result.report.nonPositiveAmounts.orders).toBeGreaterThan(3_836)
    expect(result.report.outliers.orders).toBeGreaterThan(0)
    expect(result.report.futureDates.rows).toBe(0)
  })
})
