import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { latestContext } from '../../src/segments/index.js'
import { compileSegment } from '../../src/segments/language/index.js'
import type { ServerOptions } from '../../src/server/http/context.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import { tenCustomers } from './fixture.js'
import { testServer } from './support.js'

// The batched applier: requests are acknowledged once journaled and applied in groups by one loop.

let cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

/** A server on a store file with a journal beside it (so acknowledgements come from the journal). */
async function open(dir: string, options: Partial<ServerOptions> = {}, seed = false) {
  const store = await openStore(join(dir, 'strata.duckdb'))
  if (seed) await tenCustomers(store)
  const t = await testServer(
    {
      journalPath: join(dir, 'live-journal.ndjson'),
      webhooks: { pollMs: 0, maxAttempts: 1, baseDelayMs: 1, timeoutMs: 1 },
      ...options,
    },
    store,
  )
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await t.server.close()
    await store.close()
  }
  cleanup.push(close)
  return { ...t, close }
}

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'strata-applier-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function firstRun(dir: string, options: Partial<ServerOptions> = {}) {
  const t = await open(dir, options, true)
  const { admin } = await t.people()
  const track = await t.apiKey(admin, ['track'])
  const read = await t.apiKey(admin, ['admin'])
  return { ...t, admin, track, read }
}

const order = (customer: string, id: string, amount = 100) => ({
  type: 'order',
  order_id: id,
  customer_id: customer,
  ordered_at: '2024-02-05 10:00:00',
  amount,
})

const segmentsOf = async (t: Awaited<ReturnType<typeof firstRun>>, customer: string) =>
  (await t.withKey(t.read, { method: 'GET', url: `/api/customers/${customer}/segments` }))
    .json()
    .segments.map((s: { segment_id: string }) => s.segment_id) as string[]

describe('live applier: acknowledged after the journal, applied in groups', () => {
  it('acknowledges many concurrent requests before applying them, then applies them in a few groups, visible within a second', async () => {
    const t = await firstRun(tempDir(), { applyIntervalMs: 50 })
    const seg = await t.as(t.admin, {
      method: 'POST',
      url: '/api/segments',
      payload: { name: 'Champions', definition: "rfm_segment = 'Champions'" },
    })
    const segmentId = seg.json().segment.segmentId as string
    expect(await segmentsOf(t, 'c01')).not.toContain(segmentId)

    const started = performance.now()
    // 40 single-order requests at once: each answered once journaled, not once applied.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, k) =>
        t.withKey(t.track, { method: 'POST', url: '/api/track', payload: order('c01', `g-${k}`) }),
      ),
    )
    expect(answers.map((a) => a.statusCode)).toEqual(Array(40).fill(200))
    const seqs = answers.map((a) => Number(a.headers['x-strata-seq']))
    expect(new Set(seqs).size).toBe(40)
    // Poll like a client would: the move shows within the 1 s budget.
    let visibleAfter = Number.POSITIVE_INFINITY
    while (performance.now() - started < 5000) {
      if ((await segmentsOf(t, 'c01')).includes(segmentId)) {
        visibleAfter = performance.now() - started
        break
      }
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(visibleAfter).toBeLessThan(1000)
    await t.server.live.flush()
    const status = (await t.withKey(t.read, { method: 'GET', url: '/api/live/status' })).json()
    expect(status.applied).toBe(40)
    // Coalesced: far fewer store transactions than requests.
    expect(status.groups).toBeLessThan(10)
    expect(status.appliedSeq).toBe(Math.max(...seqs))
    const stored = await t.store.conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM orders WHERE order_id LIKE 'g-%'`,
    )
    expect(Number(stored!.n)).toBe(40)
  })

  it('applies requests in acknowledgement order: later customer updates win, within a group and across groups', async () => {
    const t = await firstRun(tempDir(), { applyIntervalMs: 30 })
    const update = (email: string | null, city?: string) => ({
      type: 'customer',
      customer_id: 'c05',
      ...(email ? { email } : {}),
      ...(city ? { city } : {}),
    })
    // Sent one after another (each acknowledged before the next): one group.
    for (const [email, city] of [
      ['first@example.com', '北京'],
      ['second@example.com', undefined],
      [null, '广州'],
    ] as const) {
      const r = await t.withKey(t.track, { method: 'POST', url: '/api/track', payload: update(email, city) })
      expect(r.statusCode).toBe(200)
    }
    const r = await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: update('third@example.com'),
    })
    expect(r.statusCode).toBe(200)
    expect(await t.store.conn.one(sql`SELECT email, city FROM customers WHERE customer_id = 'c05'`)).toEqual({
      email: 'third@example.com',
      city: '广州',
    })
    // A segment on the record follows the last update: c05 lives in 广州 now, not 北京.
    const seg = await t.as(t.admin, {
      method: 'POST',
      url: '/api/segments',
      payload: { name: 'Guangzhou', definition: "city = '广州'" },
    })
    const gz = seg.json().segment.segmentId as string
    expect(await segmentsOf(t, 'c05')).toContain(gz)
    await t.withKey(t.track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: update(null, '深圳'),
    })
    expect(await segmentsOf(t, 'c05')).not.toContain(gz)
    const stays = await t.store.conn.all(
      sql`SELECT exited_at IS NULL AS open FROM segment_members WHERE segment_id = ${gz} AND customer_id = 'c05'`,
    )
    expect(stays).toEqual([{ open: false }])
  })

  it('keeps idempotency across a restart: the same items and the same Idempotency-Key are not stored again', async () => {
    const dir = tempDir()
    const first = await firstRun(dir)
    const body = { items: [order('c02', 'idem-1'), order('c02', 'idem-2')] }
    const a = await first.withKey(first.track, {
      method: 'POST',
      url: '/api/track',
      payload: body,
      headers: { 'idempotency-key': 'k-1' },
    })
    expect(a.statusCode).toBe(200)
    const track = first.track
    await first.close()

    const second = await open(dir)
    const again = await second.withKey(track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: body,
      headers: { 'idempotency-key': 'k-1' },
    })
    expect(again.statusCode).toBe(200)
    expect(again.headers['idempotent-replay']).toBe('true')
    expect(again.json()).toEqual(a.json())
    const conflict = await second.withKey(track, {
      method: 'POST',
      url: '/api/track',
      payload: { items: [order('c02', 'idem-3')] },
      headers: { 'idempotency-key': 'k-1' },
    })
    expect(conflict.statusCode).toBe(409)
    // Without the key, the same item ids are acknowledged but stored once.
    const resent = await second.withKey(track, {
      method: 'POST',
      url: '/api/track?wait=applied',
      payload: body,
    })
    expect(resent.statusCode).toBe(200)
    const rows = await second.store.conn.all(
      sql`SELECT order_id, count(*) AS n FROM orders WHERE order_id LIKE 'idem-%' GROUP BY order_id ORDER BY order_id`,
    )
    expect(rows).toEqual([
      { order_id: 'idem-1', n: 1 },
      { order_id: 'idem-2', n: 1 },
    ])
  })

  it('re-evaluates only the definitions a change can move, and ends with the memberships a full evaluation gives', async () => {
    const t = await firstRun(tempDir(), { applyIntervalMs: 10 })
    const definitions = {
      champions: "rfm_segment = 'Champions'",
      viewers: "event_count('view') >= 2",
      shanghai: "city = '上海' AND orders_count >= 3",
      'not-viewers': "NOT event_count('view') >= 1",
      'champ-viewers': "in_segment('champions') AND in_segment('viewers')",
    }
    const ids: Record<string, string> = {}
    for (const [name, definition] of Object.entries(definitions)) {
      const r = await t.as(t.admin, { method: 'POST', url: '/api/segments', payload: { name, definition } })
      expect(r.statusCode, r.body).toBe(201)
      ids[name] = r.json().segment.segmentId
    }
    const viewsOf = (customer: string, n: number, prefix: string) =>
      Array.from({ length: n }, (_, k) => ({
        type: 'event',
        event_id: `${prefix}-${customer}-${k}`,
        customer_id: customer,
        occurred_at: '2024-01-20 10:00:00',
        event: 'view',
      }))
    const send = (items: unknown[]) =>
      t.withKey(t.track, { method: 'POST', url: '/api/track?wait=applied', payload: { items } })
    // Events only: c03 becomes a viewer and leaves not-viewers, while a definition reading no events is
    // not evaluated — proven by changing c03's city behind the applier's back: 'shanghai' keeps c03.
    const conn = t.store.conn
    await conn.run(sql`UPDATE customers SET city = '杭州' WHERE customer_id = 'c03'`)
    expect((await send(viewsOf('c03', 2, 'v'))).statusCode).toBe(200)
    expect(await segmentsOf(t, 'c03')).toEqual(expect.arrayContaining([ids['viewers'], ids['shanghai']]))
    expect(await segmentsOf(t, 'c03')).not.toContain(ids['not-viewers'])
    await conn.run(sql`UPDATE customers SET city = '上海' WHERE customer_id = 'c03'`)
    // A purchase run makes c01 a champion and, with three views, a champion viewer (in_segment order).
    expect(
      (
        await send([
          ...viewsOf('c01', 3, 'w'),
          ...Array.from({ length: 12 }, (_, k) => order('c01', `big-${k}`)),
        ])
      ).statusCode,
    ).toBe(200)
    expect(await segmentsOf(t, 'c01')).toEqual(
      expect.arrayContaining([ids['champions'], ids['viewers'], ids['champ-viewers']]),
    )
    // A brand-new customer (created by an event): every definition is evaluated for them.
    expect((await send(viewsOf('n01', 1, 'x'))).statusCode).toBe(200)
    expect(await segmentsOf(t, 'n01')).toEqual([])
    // The record: c04 moves away from 上海 (c04 has 4 orders).
    expect(await segmentsOf(t, 'c04')).toContain(ids['shanghai'])
    expect((await send([{ type: 'customer', customer_id: 'c04', city: '北京' }])).statusCode).toBe(200)
    expect(await segmentsOf(t, 'c04')).not.toContain(ids['shanghai'])

    // Live memberships = a full evaluation of every definition now (same context as the live one).
    const ctx = await latestContext(conn, { fallbackAsOf: '2024-02-01' })
    const known = Object.entries(ids).map(([name, id]) => ({ id, name }))
    for (const [name, definition] of Object.entries(definitions)) {
      const compiled = compileSegment(definition, conn.dialect, { ...ctx, segments: known })
      if (!compiled.ok) throw new Error(name)
      const full = (await conn.all<{ customer_id: string }>(compiled.value.query)).map((r) => r.customer_id)
      const live = (
        await conn.all<{ customer_id: string }>(
          sql`SELECT customer_id FROM segment_members WHERE segment_id = ${ids[name]!} AND exited_at IS NULL`,
        )
      ).map((r) => r.customer_id)
      expect(live.sort(), name).toEqual(full.sort())
    }
  })
})

describe('read connection', () => {
  it('answers a customer’s segments while the main store queue is held (an analysis), with committed data', async () => {
    const t = await firstRun(tempDir(), { applyIntervalMs: 10 })
    const seg = await t.as(t.admin, {
      method: 'POST',
      url: '/api/segments',
      payload: { name: 'Champions', definition: "rfm_segment = 'Champions'" },
    })
    const champions = seg.json().segment.segmentId as string
    // Hold the one queue of store work, as a long analysis does.
    let release = () => {}
    const held = t.server.ctx.db(() => new Promise<void>((r) => (release = r)))
    try {
      const r = await t.withKey(t.read, { method: 'GET', url: '/api/customers/c10/segments' })
      expect(r.statusCode).toBe(200)
      expect(r.json().segments.map((s: { segment_id: string }) => s.segment_id)).toContain(champions)
      expect(r.json().score).toMatchObject({ rfm_segment: 'Champions' })
      // A track call is acknowledged (journaled) meanwhile; it is applied once the queue moves.
      const ack = await t.withKey(t.track, {
        method: 'POST',
        url: '/api/track',
        payload: { items: Array.from({ length: 12 }, (_, k) => order('c01', `held-${k}`, 500)) },
      })
      expect(ack.statusCode).toBe(200)
      expect(await segmentsOf(t, 'c01')).not.toContain(champions)
    } finally {
      release()
    }
    await held
    await t.server.live.flush()
    expect(await segmentsOf(t, 'c01')).toContain(champions)
  })
})
