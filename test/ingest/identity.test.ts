import { describe, expect, it } from 'vitest'
import { raw } from '../../src/sql/fragment.js'
import { importFixture, storePerTest } from './helpers.js'

const store = storePerTest()

describe('identity merging across sources', () => {
  it('the same email or phone from another source is the same customer, and each merge is recorded', async () => {
    const crm = await importFixture(store.conn, 'customers', 'crm-customers.csv', { source: 'crm' })
    expect(crm.report.customers).toEqual({ created: 4, merged: 0, updated: 0 })
    const shop = await importFixture(store.conn, 'orders', 'shopify-orders.csv', { preset: 'shopify' })
    // li.wei (phone +86 138 0013 8000 = CRM V001's mobile) and chen.jie (email, other case) join CRM customers
    expect(shop.report.customers).toMatchObject({ created: 1, merged: 2 })
    const merges = await store.conn.all(
      raw(
        'SELECT source, source_customer_id, customer_id, matched_kind, matched_value FROM identity_merges ORDER BY 2',
      ),
    )
    expect(merges).toEqual([
      {
        source: 'shopify',
        source_customer_id: 'chen.jie@example.com',
        customer_id: 'crm:V002',
        matched_kind: 'email',
        matched_value: 'chen.jie@example.com',
      },
      {
        source: 'shopify',
        source_customer_id: 'li.wei@example.com',
        customer_id: 'crm:V001',
        matched_kind: 'phone',
        matched_value: '+8613800138000',
      },
    ])
    const owners = await store.conn.all(
      raw(
        "SELECT order_id, customer_id FROM orders WHERE order_id IN ('#1001', '#1003', '#1004') ORDER BY 1",
      ),
    )
    expect(owners).toEqual([
      { order_id: '#1001', customer_id: 'crm:V001' },
      { order_id: '#1003', customer_id: 'crm:V002' },
      { order_id: '#1004', customer_id: 'crm:V001' },
    ])
    // the CRM customer gains the email Shopify knew, keeps its own name
    expect(
      await store.conn.one(raw("SELECT email, name FROM customers WHERE customer_id = 'crm:V001'")),
    ).toEqual({
      email: 'li.wei@example.com',
      name: '李伟',
    })
    expect(await store.conn.one(raw('SELECT count(*) AS n FROM customers'))).toEqual({ n: 5 })

    // a third source: WooCommerce's guest (customer 0) chen.jie is CRM V002 too; customer 17 is new
    const woo = await importFixture(store.conn, 'orders', 'woocommerce-orders.csv', { preset: 'woocommerce' })
    expect(woo.report.customers).toMatchObject({ created: 1, merged: 2 })
    expect(
      await store.conn.one(
        raw("SELECT customer_id FROM orders WHERE source = 'woocommerce' AND order_id = '813'"),
      ),
    ).toEqual({
      customer_id: 'crm:V002',
    })
    // source ids resolve through customer_identities on the next import: nothing new is merged
    const again = await importFixture(store.conn, 'orders', 'woocommerce-orders.csv', {
      preset: 'woocommerce',
    })
    expect(again.report.customers).toEqual({ created: 0, merged: 0, updated: 0 })
  })

  it('orders reference customers by source id, email or phone; unknown ones are created; guests are not', async () => {
    await importFixture(store.conn, 'customers', 'crm-customers.csv', { source: 'crm' })
    const r = await importFixture(store.conn, 'events', 'events.ndjson', { source: 'crm' })
    expect(r.report.customers).toEqual({ created: 0, merged: 0, updated: 0 })
    const events = await store.conn.all(
      raw('SELECT event_id, customer_id, anonymous_id, type FROM events ORDER BY 1'),
    )
    expect(events).toEqual([
      { event_id: 'e-1', customer_id: 'crm:V001', anonymous_id: null, type: 'view' },
      { event_id: 'e-2', customer_id: 'crm:V001', anonymous_id: null, type: 'add_to_cart' },
      { event_id: 'e-3', customer_id: null, anonymous_id: 'anon-77', type: 'search' },
      { event_id: 'e-4', customer_id: 'crm:V004', anonymous_id: null, type: 'view' },
    ])
  })
})
