import { afterEach, describe, expect, it } from 'vitest'
import { registeredTables } from '../../src/server/privacy/customer-tables.js'
import { ident, sql } from '../../src/sql/fragment.js'
import { tenCustomers } from './fixture.js'
import { testServer } from './support.js'

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup) await c()
  cleanup = []
})
async function setup() {
  const t = await testServer({ webhooks: { maxAttempts: 3, baseDelayMs: 0, timeoutMs: 500, pollMs: 0 } })
  cleanup.push(async () => {
    await t.server.close()
    await t.store.close()
  })
  await tenCustomers(t.store)
  return { ...t, ...(await t.people()) }
}

/** Every cell of every table, as text: the erased person's id must appear nowhere. */
async function everywhere(
  t: Awaited<ReturnType<typeof setup>>,
  needle: string,
  asToken = false,
): Promise<string[]> {
  const hits: string[] = []
  for (const table of registeredTables(t.store.conn.dialect)) {
    const rows = await t.store.conn.all(sql`SELECT * FROM ${ident(table.name)}`)
    // An id as a whole token: random session and key hashes (hex) often contain 'c01' as a substring.
    const found = (text: string) =>
      asToken ? new RegExp(`(?<![0-9a-z])${needle}(?![0-9a-z])`, 'i').test(text) : text.includes(needle)
    for (const row of rows) if (found(JSON.stringify(row))) hits.push(table.name)
  }
  return [...new Set(hits)]
}

describe('privacy: masking, audit, erasure, access export', () => {
  it('a viewer never sees email, phone or name; every read of personal data is audited without the data', async () => {
    const t = await setup()
    const asViewer = await t.as(t.viewer, { method: 'GET', url: '/api/customers/c01' })
    expect(asViewer.statusCode).toBe(200)
    const body = asViewer.body
    expect(body).not.toContain('zhang.wei@example.com')
    expect(body).not.toContain('13800138000')
    expect(body).not.toContain('张伟')
    expect(asViewer.json().customer).toMatchObject({
      email: 'z***@example.com',
      phone: '138****8000',
      name: '张*',
    })
    const asAnalyst = await t.as(t.analyst, { method: 'GET', url: '/api/customers/c01' })
    expect(asAnalyst.json().customer).toMatchObject({ email: 'zhang.wei@example.com', name: '张伟' })
    // The list, the search and the streamed export are masked the same way.
    const list = await t.as(t.viewer, { method: 'GET', url: '/api/customers?limit=3' })
    expect(list.body).not.toContain('zhang.wei')
    // Viewers cannot search by email (it would reveal who is a customer).
    const search = await t.as(t.viewer, { method: 'GET', url: '/api/customers?q=zhang.wei@example.com' })
    expect(search.json().items).toEqual([])
    const found = await t.as(t.analyst, { method: 'GET', url: '/api/customers?q=zhang.wei@example.com' })
    expect(found.json().items.map((c: { customer_id: string }) => c.customer_id)).toEqual(['c01'])
    const audit = await t.store.conn.all(
      sql`SELECT action, customer_id, detail FROM server_audit_log WHERE action LIKE 'customer%' ORDER BY occurred_at`,
    )
    expect(audit.filter((a) => a['action'] === 'customer.read').map((a) => a['customer_id'])).toEqual([
      'c01',
      'c01',
    ])
    expect(JSON.stringify(audit)).not.toContain('zhang.wei')
  })

  it('erasure removes the person from every table (found by scanning all of them) and logs that it happened', async () => {
    const t = await setup()
    const track = await t.apiKey(t.admin, ['track'])
    const seg = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/segments',
      payload: { name: 'All', definition: "city = '上海'" },
    })
    expect(seg.statusCode).toBe(201)
    await t.as(t.admin, { method: 'POST', url: '/api/webhooks', payload: { url: 'http://127.0.0.1:9/x' } })
    await t.withKey(track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: [
        {
          type: 'order',
          order_id: 'L1',
          customer_id: 'c01',
          ordered_at: '2024-02-03 10:00:00',
          amount: 99,
          items: [{ sku: 'A', quantity: 1, unit_price: 99 }],
        },
        {
          type: 'event',
          event_id: 'E1',
          customer_id: 'c01',
          occurred_at: '2024-02-03 10:00:00',
          event: 'view',
        },
        { type: 'feedback', feedback_id: 'F1', customer_id: 'c01', answered_at: '2024-02-03', nps: 3 },
        { type: 'customer', customer_id: 'c01', city: '北京' },
      ],
    })
    await t.store.conn.run(
      sql`INSERT INTO customer_identities (customer_id, kind, source, value) VALUES ('c01', 'email', '', 'zhang.wei@example.com')`,
    )
    await t.store.conn.run(
      sql`INSERT INTO customer_tags (customer_id, tag, source, snapshot_id, assigned_at) VALUES ('c01', 'vip', 'user', '1', '2024-02-01 00:00:00')`,
    )
    // A stored weekly report listing the customer with contact details, and a campaign holdout draw.
    await t.store.conn.run(
      sql`INSERT INTO reports (report_id, kind, as_of, lang, format, snapshot_id, created_at, path, html)
        VALUES ('r1', 'weekly', '2024-03-01', 'en', 'html', '1', '2024-03-01 08:00:00', NULL,
          '<td>c01</td><td>zhang.wei@example.com</td><td>13800138000</td><td>c02</td>')`,
    )
    await t.store.conn.run(
      sql`INSERT INTO campaign_assignments (campaign_id, customer_id, arm, stratum, consent)
        VALUES ('k1', 'c01', 'holdout', 'Champions', true)`,
    )
    await t.as(t.analyst, { method: 'GET', url: '/api/customers/c01' })
    const access = await t.as(t.admin, { method: 'GET', url: '/api/customers/c01/export' })
    expect(access.statusCode).toBe(200)
    expect(Object.keys(access.json().tables)).toEqual(
      expect.arrayContaining([
        'customers',
        'orders',
        'order_items',
        'events',
        'feedback',
        'customer_scores',
        'segment_members',
        'customer_tags',
        'customer_identities',
        'server_audit_log',
        'server_webhook_outbox',
      ]),
    )
    expect((await everywhere(t, 'zhang.wei')).length).toBeGreaterThan(0)

    expect((await t.as(t.analyst, { method: 'DELETE', url: '/api/customers/c01' })).statusCode).toBe(403)
    const erased = await t.as(t.admin, { method: 'DELETE', url: '/api/customers/c01' })
    expect(erased.statusCode).toBe(200)
    expect(erased.json().tables).toMatchObject({
      customers: 1,
      orders: 2,
      order_items: 1,
      events: 1,
      feedback: 1,
    })
    expect(erased.json().tables).toMatchObject({ reports: 1, campaign_assignments: 1 })
    expect(await everywhere(t, 'c01', true)).toEqual([])
    // The report is kept, with the other customers it names.
    const report = await t.store.conn.one<{ html: string }>(
      sql`SELECT html FROM reports WHERE report_id = 'r1'`,
    )
    expect(report?.html).toContain('c02')
    expect(await everywhere(t, 'zhang.wei')).toEqual([])
    expect(await everywhere(t, '13800138000')).toEqual([])
    // The audit log keeps who read what, with the person's id cleared, and the erasure without naming them.
    const log = await t.store.conn.all(
      sql`SELECT action, customer_id, detail FROM server_audit_log WHERE action IN ('customer.read', 'privacy.erase')`,
    )
    expect(log.find((l) => l['action'] === 'customer.read')!['customer_id']).toBeNull()
    const erasure = log.find((l) => l['action'] === 'privacy.erase')!
    expect(erasure['customer_id']).toBeNull()
    expect(String(erasure['detail'])).not.toContain('c01')
    // Other customers are untouched; a second erase finds nobody.
    expect((await t.store.conn.all(sql`SELECT 1 FROM customers`)).length).toBe(9)
    expect((await t.as(t.admin, { method: 'DELETE', url: '/api/customers/c01' })).statusCode).toBe(404)
    // A source still sending the person (a shop's live feed) does not bring them back.
    const again = await t.withKey(track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: [
        { type: 'order', order_id: 'L2', customer_id: 'c01', ordered_at: '2024-02-04 10:00:00', amount: 5 },
        { type: 'customer', customer_id: 'c01', email: 'zhang.wei@example.com' },
      ],
    })
    expect(again.statusCode).toBeLessThan(300)
    expect(await everywhere(t, 'c01', true)).toEqual([])
    expect(await everywhere(t, 'zhang.wei')).toEqual([])
  })
})
