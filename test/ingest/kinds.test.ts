import { describe, expect, it } from 'vitest'
import { raw } from '../../src/sql/fragment.js'
import { importFixture, storePerTest } from './helpers.js'

const store = storePerTest()

describe('every kind through the generic preset', () => {
  it('Chinese headers in a GB18030 file (what Excel in China writes), with Chinese dates, ¥ amounts and statuses', async () => {
    const r = await importFixture(store.conn, 'orders', 'cn-orders-gb18030.csv', { source: 'cn' })
    expect(r.status).toBe('imported')
    expect(r.report.encoding).toBe('gb18030')
    const orders = await store.conn.all(
      raw('SELECT order_id, customer_id, ordered_at, amount, status FROM orders ORDER BY 1'),
    )
    expect(orders).toEqual([
      {
        order_id: 'CN-20240301-001',
        customer_id: 'cn:M0001',
        ordered_at: '2024-03-01 10:05:00',
        amount: 1299,
        status: 'paid',
      },
      {
        order_id: 'CN-20240301-002',
        customer_id: 'cn:M0002',
        ordered_at: '2024-03-01 12:30:00',
        amount: 88.5,
        status: 'paid',
      },
      {
        order_id: 'CN-20240302-003',
        customer_id: 'cn:M0001',
        ordered_at: '2024-03-02 00:00:00',
        amount: -99,
        status: 'refunded',
      },
      {
        order_id: 'CN-20240303-004',
        customer_id: null,
        ordered_at: '2024-03-03 18:20:00',
        amount: 35,
        status: 'paid',
      },
    ])
    const c = await store.conn.one(
      raw("SELECT phone, email, city FROM customers WHERE customer_id = 'cn:M0001'"),
    )
    expect(c).toEqual({ phone: '+8613800138000', email: 'li.wei@example.com', city: '上海' })
  })

  it('customers: attributes parsed, columns no field reads kept in attributes JSON', async () => {
    const r = await importFixture(store.conn, 'customers', 'crm-customers.csv', { source: 'crm' })
    expect(r.report.rows).toEqual({ read: 4, imported: 4, unchanged: 0, rejected: 0 })
    const c = await store.conn.one(
      raw(
        "SELECT name, gender, birth_date, city, region, signup_at, consent_marketing, CAST(attributes AS VARCHAR) AS a FROM customers WHERE customer_id = 'crm:V001'",
      ),
    )
    expect(c).toEqual({
      name: '李伟',
      gender: 'M',
      birth_date: '1990-05-12',
      city: '上海',
      region: '上海',
      signup_at: '2023-01-15 10:00:00',
      consent_marketing: true,
      a: '{"vip_level":"gold"}',
    })
  })

  it('events (NDJSON) and feedback (JSON array)', async () => {
    await importFixture(store.conn, 'customers', 'crm-customers.csv', { source: 'crm' })
    const e = await importFixture(store.conn, 'events', 'events.ndjson', { source: 'crm' })
    expect(e.report.rows.imported).toBe(4)
    const props = await store.conn.one(
      raw("SELECT CAST(properties AS VARCHAR) AS p, occurred_at FROM events WHERE event_id = 'e-2'"),
    )
    expect(props).toEqual({ p: '{"sku":"TEA-JAS-250","qty":2}', occurred_at: '2024-03-05 06:01:30' })
    const f = await importFixture(store.conn, 'feedback', 'feedback.json', { source: 'crm' })
    expect(f.report.rows).toEqual({ read: 3, imported: 3, unchanged: 0, rejected: 0 })
    const rows = await store.conn.all(
      raw('SELECT feedback_id, customer_id, nps, score, text FROM feedback ORDER BY 1'),
    )
    expect(rows).toEqual([
      { feedback_id: 'r-101', customer_id: 'crm:V002', nps: 9, score: 4.5, text: '茶很好喝,包装精美' },
      { feedback_id: 'r-102', customer_id: 'crm:V003', nps: 3, score: 2, text: 'Delivery was late' },
      { feedback_id: 'r-103', customer_id: null, nps: 10, score: null, text: 'anonymous praise' },
    ])
  })

  it('order-items from a file of their own; items of unknown orders are reported as unmatched', async () => {
    await importFixture(store.conn, 'orders', 'generic-orders.csv', { source: 'shop' })
    const r = await importFixture(store.conn, 'order-items', 'order-items.csv', { source: 'shop' })
    expect(r.report.records.created).toBe(3)
    expect(r.report.unmatchedItems).toEqual({ rows: 1, sample: [{ line: 5, order_id: 'Z9999' }] })
    const items = await store.conn.all(
      raw('SELECT order_id, line_no, quantity, unit_price FROM order_items ORDER BY 1, 2'),
    )
    expect(items).toEqual([
      { order_id: 'A1001', line_no: 1, quantity: 1, unit_price: 68.5 },
      { order_id: 'A1001', line_no: 2, quantity: 1, unit_price: 60 },
      { order_id: 'A1002', line_no: 1, quantity: 5, unit_price: 246.9 },
    ])
  })

  it('flags dates after today', async () => {
    const r = await importFixture(store.conn, 'orders', 'orders-part1.csv', { today: '2024-05-01' })
    expect(r.report.futureDates).toEqual({ rows: 2, after: '2024-05-01', sample: [3, 4] })
  })
})
