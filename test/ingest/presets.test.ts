import { describe, expect, it } from 'vitest'
import { raw } from '../../src/sql/fragment.js'
import { importFixture, storePerTest } from './helpers.js'

const store = storePerTest()

const orders = () =>
  store.conn.all<{
    order_id: string
    customer_id: string | null
    ordered_at: string
    amount: number
    status: string
    currency: string
  }>(raw('SELECT order_id, customer_id, ordered_at, amount, status, currency FROM orders ORDER BY order_id'))
const amounts = async () =>
  Object.fromEntries((await orders()).map((o) => [o.order_id, [o.amount, o.status]]))

describe('presets, each with a realistic export', () => {
  it('line-items: rolls items up into orders, exact Σ qty × price, C-invoices are cancellations, Country goes to the customer', async () => {
    const r = await importFixture(store.conn, 'orders', 'line-items-small.csv', { preset: 'line-items' })
    expect(r.status).toBe('imported')
    expect(r.report.rows).toEqual({ read: 8, imported: 8, unchanged: 0, rejected: 0 })
    expect(await amounts()).toEqual({
      '536365': [35.64, 'paid'], // 6 × 2.55 + 6 × 3.39
      '536366': [11.1, 'paid'],
      '536370': [144, 'paid'], // 24 × 3.75 + 3 × 18
      '536544': [7.53, 'paid'],
      C536379: [-27.5, 'cancelled'],
    })
    expect(r.report.guestOrders).toMatchObject({ orders: 1, rows: 2, sample: ['536544'] })
    const items = await store.conn.all(
      raw(
        "SELECT line_no, sku, quantity, unit_price FROM order_items WHERE order_id = '536370' ORDER BY line_no",
      ),
    )
    expect(items).toEqual([
      { line_no: 1, sku: '22728', quantity: 24, unit_price: 3.75 },
      { line_no: 2, sku: 'POST', quantity: 3, unit_price: 18 },
    ])
    const france = await store.conn.one(
      raw("SELECT country FROM customers WHERE customer_id = 'line-items:12583'"),
    )
    expect(france).toEqual({ country: 'France' })
  })

  it('shopify: order fields from the first row, Total − Refunded, voided/cancelled kept at 0, customer by email', async () => {
    const r = await importFixture(store.conn, 'orders', 'shopify-orders.csv', { preset: 'shopify' })
    expect(r.status).toBe('imported')
    expect(await amounts()).toEqual({
      '#1001': [228, 'paid'],
      '#1002': [0, 'refunded'],
      '#1003': [180, 'paid'],
      '#1004': [0, 'cancelled'],
      '#1005': [88, 'paid'],
    })
    const o = (await orders()).find((x) => x.order_id === '#1001')!
    // `Created at` 14:02:50 +0800 in a UTC store
    expect(o.ordered_at).toBe('2024-03-05 06:02:50')
    expect(o.currency).toBe('CNY')
    const items = await store.conn.all(
      raw("SELECT line_no, sku, brand FROM order_items WHERE order_id = '#1001' ORDER BY line_no"),
    )
    expect(items).toEqual([
      { line_no: 1, sku: 'TEA-JAS-250', brand: 'Leaf & Co' },
      { line_no: 2, sku: 'CUP-CEL-01', brand: 'Kiln Works' },
    ])
    // #1001 and #1004 are the same person (emails differ only in case)
    const c = (await orders())
      .filter((x) => x.order_id === '#1001' || x.order_id === '#1004')
      .map((x) => x.customer_id)
    expect(c[0]).toBe(c[1])
    expect(r.report.customers.created).toBe(3)
    expect(r.report.guestOrders.sample).toEqual(['#1005'])
  })

  it('woocommerce: Order Total on one of the item rows, customer 0 is a guest identified by billing email', async () => {
    const r = await importFixture(store.conn, 'orders', 'woocommerce-orders.csv', { preset: 'woocommerce' })
    expect(r.status).toBe('imported')
    expect(await amounts()).toEqual({
      '812': [189, 'paid'],
      '813': [0, 'refunded'],
      '814': [120, 'paid'],
      '815': [0, 'cancelled'],
      '816': [30, 'pending'],
    })
    const byId = Object.fromEntries((await orders()).map((o) => [o.order_id, o.customer_id]))
    expect(byId['812']).toBe('woocommerce:17')
    expect(byId['815']).toBe('woocommerce:17')
    expect(byId['813']).toMatch(/^woocommerce:e/)
    expect(byId['816']).toBeNull()
    const name = await store.conn.one(
      raw("SELECT name, city FROM customers WHERE customer_id = 'woocommerce:17'"),
    )
    expect(name).toEqual({ name: 'Fang Wang', city: 'Beijing' })
    expect(await store.conn.one(raw("SELECT count(*) AS n FROM order_items WHERE order_id = '812'"))).toEqual(
      { n: 2 },
    )
  })

  it('stripe: Amount − Amount Refunded, failed payments kept as cancelled, currency upper-cased', async () => {
    const r = await importFixture(store.conn, 'orders', 'stripe-payments.csv', {
      preset: 'stripe',
      timezone: 'Asia/Shanghai',
    })
    expect(r.status).toBe('imported')
    const o = await orders()
    expect(o.map((x) => [x.order_id, x.amount, x.status, x.currency, x.customer_id])).toEqual([
      ['ch_3OqA1b2C3d4E5f6G', 1200, 'paid', 'USD', 'stripe:cus_PqR1s2T3u4V5'],
      ['ch_3OqB7h8I9j0K1l2M', 0, 'refunded', 'USD', 'stripe:cus_WxY6z7A8b9C0'],
      ['ch_3OqC3n4O5p6Q7r8S', 0, 'cancelled', 'USD', 'stripe:cus_PqR1s2T3u4V5'],
      ['py_3OqD9t0U1v2W3x4Y', 200, 'paid', 'EUR', expect.stringMatching(/^stripe:e/)],
    ])
    // Created (UTC) 02:15 is 10:15 in a store kept in Shanghai time
    expect(o[0]!.ordered_at).toBe('2024-03-10 10:15:00')
  })

  it('refuses a preset for a kind it does not read', async () => {
    await expect(
      importFixture(store.conn, 'customers', 'crm-customers.csv', { preset: 'stripe' }),
    ).rejects.toMatchObject({
      diagnostic: { code: 'ingest.preset_kind' },
    })
  })
})
