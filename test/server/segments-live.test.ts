import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { verifySignature } from '../../src/server/webhooks/signature.js'
import { sql } from '../../src/sql/fragment.js'
import { tenCustomers } from './fixture.js'
import { testServer } from './support.js'

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

/** A local receiver: answers the given statuses in turn (then 200) and keeps what it got. */
async function receiver(statuses: number[]) {
  const got: { headers: IncomingMessage['headers']; body: string }[] = []
  const server: Server = createHttpServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      got.push({ headers: req.headers, body })
      res.statusCode = statuses.shift() ?? 200
      res.end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanup.push(() => new Promise((r) => server.close(() => r())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got }
}

async function setup() {
  const t = await testServer({ webhooks: { maxAttempts: 3, baseDelayMs: 0, timeoutMs: 2000, pollMs: 0 } })
  cleanup.push(async () => {
    await t.server.close()
    await t.store.close()
  })
  await tenCustomers(t.store)
  const { admin, viewer, analyst } = await t.people()
  return { ...t, admin, viewer, analyst, track: await t.apiKey(admin, ['track']) }
}

const orders = (customer: string, n: number) =>
  Array.from({ length: n }, (_, k) => ({
    type: 'order',
    order_id: `${customer}-live-${k}`,
    customer_id: customer,
    ordered_at: '2024-02-05 10:00:00',
    amount: 100,
  }))

describe('segments over HTTP, live membership changes and webhooks', () => {
  it('a purchase moves a customer into a saved segment live, records the stay, and signs a webhook (retried)', async () => {
    const t = await setup()
    const created = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/segments',
      payload: { name: 'Champions', definition: "rfm_segment = 'Champions'" },
    })
    expect(created.statusCode).toBe(201)
    const segmentId = created.json().segment.segmentId
    const before = await t.as(t.viewer, {
      method: 'GET',
      url: `/api/segments/${segmentId}/members?includeUnconsented=true`,
    })
    expect(before.json().items.map((m: { customer_id: string }) => m.customer_id)).not.toContain('c01')

    const rx = await receiver([500])
    const hook = await t.as(t.admin, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: rx.url, segments: [segmentId] },
    })
    expect(hook.statusCode).toBe(201)
    const secret = hook.json().secret as string

    const r = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: orders('c01', 12),
    })
    expect(r.statusCode).toBe(200)
    const stays = await t.store.conn.all(
      sql`SELECT customer_id, exited_at FROM segment_members WHERE segment_id = ${segmentId} AND customer_id = 'c01'`,
    )
    expect(stays).toEqual([{ customer_id: 'c01', exited_at: null }])
    const after = await t.as(t.admin, { method: 'GET', url: `/api/segments/${segmentId}/members` })
    const c01 = after.json().items.find((m: { customer_id: string }) => m.customer_id === 'c01')
    expect(c01.email).toBe('zhang.wei@example.com')

    // First attempt: the receiver answers 500 → logged, still pending; the retry delivers it.
    expect(await t.server.webhooks.runOnce()).toBe(1)
    expect(await t.server.webhooks.runOnce()).toBe(1)
    expect(rx.got).toHaveLength(2)
    const log = await t.store.conn.all(
      sql`SELECT attempt, status_code FROM server_webhook_attempts ORDER BY attempt`,
    )
    expect(log).toEqual([
      { attempt: 1, status_code: 500 },
      { attempt: 2, status_code: 200 },
    ])
    const delivered = rx.got[1]!
    const now = Date.now() / 1000
    expect(
      verifySignature(secret, delivered.headers['strata-signature'] as string, delivered.body, now),
    ).toBe(true)
    expect(
      verifySignature(
        secret,
        delivered.headers['strata-signature'] as string,
        delivered.body.replace('c01', 'c09'),
        now,
      ),
    ).toBe(false)
    expect(
      verifySignature('whsec_other', delivered.headers['strata-signature'] as string, delivered.body, now),
    ).toBe(false)
    const payload = JSON.parse(delivered.body)
    expect(payload).toMatchObject({
      event: 'segment.entered',
      segment: { id: segmentId, name: 'Champions' },
      customer: { customer_id: 'c01', consent_marketing: true, email: 'zhang.wei@example.com' },
    })
    const status = await t.as(t.admin, { method: 'GET', url: '/api/webhooks/deliveries' })
    expect(status.json().items[0]).toMatchObject({ status: 'delivered', attempts: 2, last_status: 200 })
  })

  it('exits are recorded; webhooks carry no contact data for customers without marketing consent; replay re-sends', async () => {
    const t = await setup()
    const created = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/segments',
      payload: { name: 'Shanghai', definition: "city = '上海'" },
    })
    const segmentId = created.json().segment.segmentId
    expect(created.json().size.members).toBe(10)
    const rx = await receiver([])
    await t.as(t.admin, { method: 'POST', url: '/api/webhooks', payload: { url: rx.url } })
    await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: { type: 'customer', customer_id: 'c02', city: '杭州' },
    })
    const stays = await t.store.conn.all(
      sql`SELECT customer_id, exited_at IS NOT NULL AS exited FROM segment_members WHERE segment_id = ${segmentId} AND customer_id = 'c02'`,
    )
    expect(stays).toEqual([{ customer_id: 'c02', exited: true }])
    await t.server.webhooks.runOnce()
    const payload = JSON.parse(rx.got[0]!.body)
    expect(payload.event).toBe('segment.exited')
    expect(payload.customer).toEqual({ customer_id: 'c02', consent_marketing: false })
    expect(rx.got[0]!.body).not.toContain('li.na')
    const replay = await t.as(t.admin, {
      method: 'POST',
      url: '/api/webhooks/deliveries/replay',
      payload: { deliveryId: payload.id },
    })
    expect(replay.json()).toEqual({ replayed: 1 })
    await t.server.webhooks.runOnce()
    expect(rx.got).toHaveLength(2)
  })

  it('a dead receiver never blocks ingestion; deliveries end failed after maxAttempts', async () => {
    const t = await setup()
    const created = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/segments',
      payload: { name: 'Champions', definition: "rfm_segment = 'Champions'" },
    })
    expect(created.statusCode).toBe(201)
    await t.as(t.admin, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'http://127.0.0.1:9/nothing-listens' },
    })
    const started = performance.now()
    const r = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: orders('c01', 12),
    })
    expect(r.statusCode).toBe(200)
    expect(performance.now() - started).toBeLessThan(5000)
    for (let i = 0; i < 3; i++) await t.server.webhooks.runOnce()
    const rows = await t.store.conn.all(sql`SELECT status, attempts FROM server_webhook_outbox`)
    expect(rows).toEqual([{ status: 'failed', attempts: 3 }])
    const errors = await t.store.conn.all(
      sql`SELECT error IS NOT NULL AS has_error FROM server_webhook_attempts`,
    )
    expect(errors.every((e) => e['has_error'])).toBe(true)
  })

  it('segment routes: templates, preview, diff, edit, overlap, sizes, freeze, delete; invalid definitions answer 400 with the span', async () => {
    const t = await setup()
    expect(
      (await t.as(t.viewer, { method: 'GET', url: '/api/segments/templates' })).json().items.length,
    ).toBeGreaterThan(3)
    const preview = await t.as(t.viewer, {
      method: 'POST',
      url: '/api/segments/preview',
      payload: { definition: 'frequency >= 5' },
    })
    expect(preview.statusCode).toBe(200)
    expect(preview.json().members).toBe(6)
    const bad = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/segments?lang=zh-TW',
      payload: { name: 'x', definition: 'frequncy >= 5' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('segment.unknown_field')
    expect(bad.json().error.details[0].message).toBeTruthy()
    expect(await t.store.conn.all(sql`SELECT * FROM segments`)).toEqual([])
    expect(
      (
        await t.as(t.viewer, {
          method: 'POST',
          url: '/api/segments',
          payload: { name: 'x', definition: 'frequency >= 5' },
        })
      ).statusCode,
    ).toBe(403)
    const a = (
      await t.as(t.analyst, {
        method: 'POST',
        url: '/api/segments',
        payload: { name: 'Frequent', definition: 'frequency >= 5' },
      })
    ).json().segment.segmentId
    const b = (
      await t.as(t.analyst, {
        method: 'POST',
        url: '/api/segments',
        payload: { name: 'Big', definition: 'monetary >= 250' },
      })
    ).json().segment.segmentId
    const diff = await t.as(t.viewer, {
      method: 'POST',
      url: `/api/segments/${a}/diff`,
      payload: { definition: 'frequency >= 7' },
    })
    expect(diff.json()).toMatchObject({ before: 6, after: 4, leaving: { count: 2 } })
    const edit = await t.as(t.analyst, {
      method: 'PATCH',
      url: `/api/segments/${a}`,
      payload: { definition: 'frequency >= 7' },
    })
    expect(edit.json().segment.members).toBe(4)
    const overlap = await t.as(t.viewer, { method: 'GET', url: `/api/segments/overlap?ids=${a},${b}` })
    expect(overlap.statusCode).toBe(200)
    expect(
      (await t.as(t.viewer, { method: 'GET', url: `/api/segments/${a}/sizes` })).json().items.length,
    ).toBe(2)
    const frozen = await t.as(t.analyst, {
      method: 'POST',
      url: `/api/segments/${a}/freeze`,
      payload: { name: 'Frequent (frozen)' },
    })
    expect(frozen.json().segment.kind).toBe('static')
    const csv = await t.as(t.analyst, {
      method: 'GET',
      url: `/api/segments/${a}/members?format=csv&includeUnconsented=true`,
    })
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body.trim().split('\n')).toHaveLength(5)
    expect((await t.as(t.analyst, { method: 'DELETE', url: `/api/segments/${b}` })).statusCode).toBe(200)
    expect((await t.as(t.viewer, { method: 'GET', url: `/api/segments/${b}` })).statusCode).toBe(404)
  })
})
