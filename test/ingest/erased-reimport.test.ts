import { describe, expect, it } from 'vitest'
import { renderReport } from '../../src/ingest/report-text.js'
import { eraseCustomer } from '../../src/server/privacy/erase.js'
import { raw } from '../../src/sql/fragment.js'
import { dumpStore, importFixture, storePerTest } from './helpers.js'
import '../../src/tables.js'

const store = storePerTest()

const ids = async (table: string) =>
  (
    await store.conn.all<{ customer_id: string }>(raw(`SELECT DISTINCT customer_id FROM ${table} ORDER BY 1`))
  ).map((r) => r.customer_id)

describe('an erased person stays erased when the same files are imported again', () => {
  it('re-importing the CRM and shop files brings back everyone but them, and the report says how many rows were left out', async () => {
    await importFixture(store.conn, 'customers', 'crm-customers.csv', { source: 'crm' })
    await importFixture(store.conn, 'orders', 'shopify-orders.csv', { preset: 'shopify' })
    // 李伟 is crm:V001; the shop knows him as li.wei@example.com (merged by his phone): orders #1001, #1004.
    expect(await ids('orders')).toContain('crm:V001')
    await eraseCustomer(store.conn, 'crm:V001', '2026-11-23 11:00:00')
    const before = await dumpStore(store.conn, ['customers', 'customer_identities', 'orders', 'order_items'])

    const crm = await importFixture(store.conn, 'customers', 'crm-customers.csv', { source: 'crm' })
    const shop = await importFixture(store.conn, 'orders', 'shopify-orders.csv', { preset: 'shopify' })

    expect(crm.report.erasedRows).toBe(1)
    expect(crm.report.customers).toEqual({ created: 0, merged: 0, updated: 0 })
    // #1001 has two lines, #1004 one.
    expect(shop.report.erasedRows).toBe(3)
    expect(shop.report.customers.created).toBe(0)
    expect(
      await dumpStore(store.conn, ['customers', 'customer_identities', 'orders', 'order_items']),
    ).toEqual(before)
    expect(await ids('customers')).not.toContain('crm:V001')
    expect(renderReport(shop.report, 'zh-CN').join('\n')).toContain('因属于已删除(被遗忘)的客户而略过的行:3')
  })

  it('the list holds keyed digests only: no id, email or phone of the person is readable in it', async () => {
    await importFixture(store.conn, 'customers', 'crm-customers.csv', { source: 'crm' })
    await eraseCustomer(store.conn, 'crm:V001', '2026-11-23 11:00:00')
    const rows = await store.conn.all<{ digest: string }>(raw('SELECT digest FROM erased_identities'))
    // customer_id, source_id V001, phone (V001 has no email)
    expect(rows).toHaveLength(3)
    for (const r of rows) expect(r.digest).toMatch(/^[0-9a-f]{64}$/)
    const text = JSON.stringify(await store.conn.all(raw('SELECT * FROM erased_identities')))
    for (const secret of ['V001', '13800138000', '李伟']) expect(text).not.toContain(secret)
  })

  it('a store where nobody was erased imports as before (no key is made)', async () => {
    const r = await importFixture(store.conn, 'customers', 'crm-customers.csv', { source: 'crm' })
    expect(r.report.erasedRows).toBe(0)
    expect(await store.conn.all(raw("SELECT * FROM settings WHERE key = 'erasure_key'"))).toEqual([])
  })
})
