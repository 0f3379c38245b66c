import { describe, expect, it } from 'vitest'
import { raw } from '../../src/sql/fragment.js'
import { DATA_TABLES, dumpStore, fixture, importFixture, importWith, storePerTest } from './helpers.js'

const store = storePerTest()

describe('re-importing', () => {
  it('the same files twice changes nothing (full dump of every table), and says so', async () => {
    const files = [
      { kind: 'customers', file: fixture('crm-customers.csv'), source: 'crm' },
      { kind: 'orders', file: fixture('shopify-orders.csv'), preset: 'shopify' },
      { kind: 'orders', file: fixture('line-items-small.csv'), preset: 'line-items' },
      { kind: 'orders', file: fixture('generic-orders.csv') },
      { kind: 'order-items', file: fixture('order-items.csv'), source: 'generic-orders' },
      { kind: 'events', file: fixture('events.ndjson'), source: 'crm' },
      { kind: 'feedback', file: fixture('feedback.json'), source: 'crm' },
    ] as const
    for (const f of files) expect((await importWith(store.conn, f)).status).toBe('imported')
    const first = await dumpStore(store.conn, DATA_TABLES)
    for (const f of files) {
      const r = await importWith(store.conn, { ...f, startedAt: '2026-11-24 09:00:00' })
      expect(r.report.rows.imported, f.file).toBe(0)
      expect(r.report.records.created, f.file).toBe(0)
      expect(r.report.customers, f.file).toEqual({ created: 0, merged: 0, updated: 0 })
    }
    expect(await dumpStore(store.conn, DATA_TABLES)).toEqual(first)
    expect(await store.conn.one(raw('SELECT count(*) AS n FROM imports'))).toEqual({ n: files.length * 2 })
  })

  it('an overlapping file adds only what is new', async () => {
    await importFixture(store.conn, 'orders', 'orders-part1.csv', { source: 'shop' })
    const r = await importFixture(store.conn, 'orders', 'orders-part2.csv', { source: 'shop' })
    expect(r.report.rows).toEqual({ read: 4, imported: 2, unchanged: 2, rejected: 0 })
    expect(r.report.records).toEqual({ inFile: 4, created: 2, unchanged: 2 })
    expect(r.report.customers.created).toBe(1)
    const orders = await store.conn.all(raw('SELECT order_id, customer_id, amount FROM orders ORDER BY 1'))
    expect(orders).toEqual([
      { order_id: 'P1', customer_id: 'shop:K1', amount: 10 },
      { order_id: 'P2', customer_id: 'shop:K2', amount: 20 },
      { order_id: 'P3', customer_id: 'shop:K1', amount: 30 },
      { order_id: 'P4', customer_id: 'shop:K3', amount: 40 },
      { order_id: 'P5', customer_id: 'shop:K2', amount: 50 },
    ])
  })

  it('an id repeated within the file is kept once and counted', async () => {
    const r = await importFixture(store.conn, 'orders', 'generic-orders.csv')
    expect(r.report.duplicateIds).toEqual({ rows: 1, sample: [{ line: 6, id: 'A1002' }] })
    expect(r.report.rows).toEqual({ read: 5, imported: 4, unchanged: 1, rejected: 0 })
    expect(await store.conn.one(raw("SELECT count(*) AS n FROM orders WHERE order_id = 'A1002'"))).toEqual({
      n: 1,
    })
  })
})
