import { afterEach, describe, expect, it } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import { tenCustomers } from './fixture.js'
import { testServer } from './support.js'

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup) await c()
  cleanup = []
})
async function setup(options = {}) {
  const t = await testServer({ trackBatchMax: 20, ...options })
  cleanup.push(async () => {
    await t.server.close()
    await t.store.close()
  })
  await tenCustomers(t.store)
  const { admin } = await t.people()
  return { ...t, admin, track: await t.apiKey(admin, ['track']), read: await t.apiKey(admin, ['read']) }
}
const count = async (t: Awaited<ReturnType<typeof setup>>, table: string) =>
  Number(
    (await t.store.conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM ${sql([table] as unknown as TemplateStringsArray)}`,
    ))!.n,
  )

const bigOrders = (n: number) =>
  Array.from({ length: n }, (_, k) => ({
    type: 'order',
    order_id: `live-${k}`,
    customer_id: 'c01',
    ordered_at: '2024-02-05T10:00:00+08:00',
    amount: '100.00',
  }))

describe('POST /api/track', () => {
  it('moves a worst-scored customer to Champions incrementally, against the snapshot thresholds', async () => {
    const t = await setup()
    const before = await t.as(t.admin, { method: 'GET', url: '/api/customers/c01' })
    expect(before.json().explanation.segment).not.toBe('Champions')
    const r = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: { items: bigOrders(12) },
    })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual({ accepted: 12, distinct: 12, source: 'live' })
    const row =
      await t.store.conn.one(sql`SELECT recency_days, frequency, monetary, r, f, m, rfm_code, rfm_segment, lifecycle,
      CAST(last_order_at AS VARCHAR) AS last_order_at FROM customer_scores WHERE customer_id = 'c01'`)
    // 13 purchases, 1,210 spent, last purchase after asOf (recency clamped to 0): better than all ten.
    expect(row).toEqual({
      recency_days: 0,
      frequency: 13,
      monetary: 1210,
      r: 5,
      f: 5,
      m: 5,
      rfm_code: '555',
      rfm_segment: 'Champions',
      lifecycle: 'Loyal',
      last_order_at: '2024-02-05 02:00:00',
    })
    const after = await t.as(t.admin, { method: 'GET', url: '/api/customers/c01' })
    expect(after.json().explanation.segment).toBe('Champions')
    // Nobody else was touched, and no new snapshot was made.
    expect(
      await t.store.conn.all(
        sql`SELECT customer_id, rfm_code FROM customer_scores WHERE customer_id IN ('c02', 'c10') ORDER BY 1`,
      ),
    ).toEqual([
      { customer_id: 'c02', rfm_code: '111' },
      { customer_id: 'c10', rfm_code: '555' },
    ])
    expect(await count(t, 'snapshots')).toBe(1)
  })

  it('scores a middle customer by counting the snapshot customers strictly worse (1 + floor(5·worse/N))', async () => {
    const t = await setup()
    // c03 gets 2 more orders of 30 dated before asOf's day: frequency 5 (c01–c04 worse: 4 → 1+floor(20/10)=3),
    // monetary 150 (c01 10, c02 40, c03 90, c04 160: worse = 3 → 1+floor(15/10) = 2).
    const items = [0, 1].map((k) => ({
      type: 'order',
      order_id: `m${k}`,
      customer_id: 'c03',
      ordered_at: '2024-01-31 09:00:00',
      amount: 30,
    }))
    await t.withKey(t.track, { method: 'POST', url: '/api/track?wait=applied', payload: items })
    const row = await t.store.conn.one(
      sql`SELECT recency_days, frequency, monetary, r, f, m FROM customer_scores WHERE customer_id = 'c03'`,
    )
    // Recency 1: worse = every other customer (recency > 1) = 9 plus c03's own stored 18 → 10 → capped 5.
    expect(row).toEqual({ recency_days: 1, frequency: 5, monetary: 150, r: 5, f: 3, m: 2 })
  })

  it('is idempotent: by item id, and by Idempotency-Key (same answer, nothing stored twice)', async () => {
    const t = await setup()
    const orders0 = await count(t, 'orders')
    const payload = { items: bigOrders(3) }
    const headers = { 'idempotency-key': 'req-1' }
    const first = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload,
      headers,
    })
    const again = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload,
      headers,
    })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first.json())
    expect(again.headers['idempotent-replay']).toBe('true')
    // Same ids without a key: accepted, stored once.
    await t.withKey(t.track, { method: 'POST', url: '/api/track?wait=applied', payload })
    expect(await count(t, 'orders')).toBe(orders0 + 3)
    const conflict = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track',
      payload: { items: bigOrders(2) },
      headers,
    })
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json().error.code).toBe('server.track.idempotency_conflict')
  })

  it('rejects bad JSON, wrong types (with the field path), oversized bodies and batches; stores nothing', async () => {
    const t = await setup({ bodyLimit: 4096 })
    const orders0 = await count(t, 'orders')
    const badJson = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track',
      payload: '{"type": "order",',
      headers: { 'content-type': 'application/json' },
    })
    expect(badJson.statusCode).toBe(400)
    expect(badJson.json().error.code).toBe('server.bad_json')
    const wrong = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?lang=zh-CN',
      payload: { items: [bigOrders(1)[0], { ...bigOrders(1)[0], order_id: 'x', amount: 'lots' }] },
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.code).toBe('server.invalid_request')
    expect(wrong.json().error.details[0].path).toBe('body.items.1.amount')
    expect(wrong.json().error.message).toContain('请求无效')
    const huge = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track',
      payload: { items: bigOrders(1).map((o) => ({ ...o, channel: 'x'.repeat(5000) })) },
    })
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('server.too_large')
    const many = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track',
      payload: { items: bigOrders(21).map((o) => ({ ...o, ordered_at: '2024-02-05' })) },
    })
    expect([400, 413]).toContain(many.statusCode)
    expect(many.json().error.details?.[0]?.path ?? many.json().error.code).toMatch(/body.items|too_large/)
    await t.server.live.flush()
    expect(await count(t, 'orders')).toBe(orders0)
  })

  it('needs the track scope: a read key gets 403, no key 401', async () => {
    const t = await setup()
    expect(
      (await t.withKey(t.read, { method: 'POST', url: '/api/track', payload: bigOrders(1)[0] })).statusCode,
    ).toBe(403)
    expect((await t.inject({ method: 'POST', url: '/api/track', payload: bigOrders(1)[0] })).statusCode).toBe(
      401,
    )
  })

  it('stores events, feedback and customer updates (consent), creating unknown customers', async () => {
    const t = await setup()
    const r = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: [
        {
          type: 'event',
          event_id: 'e1',
          customer_id: 'n1',
          occurred_at: '2024-02-02 12:00:00',
          event: 'search',
          properties: { q: '奶粉' },
        },
        { type: 'feedback', feedback_id: 'f1', customer_id: 'c05', answered_at: '2024-02-02', nps: 9 },
        { type: 'customer', customer_id: 'c02', consent_marketing: true, city: '杭州' },
      ],
    })
    expect(r.statusCode).toBe(200)
    expect(await t.store.conn.all(sql`SELECT customer_id, type FROM events`)).toEqual([
      { customer_id: 'n1', type: 'search' },
    ])
    expect(await t.store.conn.all(sql`SELECT customer_id, nps FROM feedback`)).toEqual([
      { customer_id: 'c05', nps: 9 },
    ])
    expect(
      await t.store.conn.all(
        sql`SELECT customer_id, city, consent_marketing, name FROM customers WHERE customer_id IN ('c02', 'n1') ORDER BY 1`,
      ),
    ).toEqual([
      { customer_id: 'c02', city: '杭州', consent_marketing: true, name: '李娜' },
      { customer_id: 'n1', city: null, consent_marketing: null, name: null },
    ])
  })
})
