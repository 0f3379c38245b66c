import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import { tenCustomers } from './fixture.js'
import { type Session, testServer } from './support.js'

// The builder's first request: the count alone, equal to the whole preview's count.
let t: Awaited<ReturnType<typeof testServer>> & { admin: Session; analyst: Session; viewer: Session }
beforeAll(async () => {
  const s = await testServer()
  await tenCustomers(s.store)
  t = { ...s, ...(await s.people()) }
})
afterAll(async () => {
  await t.server.close()
  await t.store.close()
})

describe('POST /api/segments/preview/count', () => {
  it('viewers may count; the count and share equal the whole preview; no sample or revenue is computed', async () => {
    for (const definition of ['frequency >= 5', 'frequency >= 11', 'monetary > 30']) {
      const count = await t.as(t.viewer, {
        method: 'POST',
        url: '/api/segments/preview/count',
        payload: { definition },
      })
      const full = await t.as(t.viewer, {
        method: 'POST',
        url: '/api/segments/preview',
        payload: { definition },
      })
      expect(count.statusCode).toBe(200)
      expect(full.statusCode).toBe(200)
      const c = count.json()
      const f = full.json()
      expect(c.members).toBe(f.members)
      expect(c.population).toBe(f.population)
      expect(c.shareOfCustomers).toBe(f.shareOfCustomers)
      expect(c.canonical).toBe(f.canonical)
      expect(c).not.toHaveProperty('sample')
      expect(c).not.toHaveProperty('shareOfRevenue')
    }
    // Customer i has i orders: frequency ≥ 5 → c05…c10.
    const six = await t.as(t.viewer, {
      method: 'POST',
      url: '/api/segments/preview/count',
      payload: { definition: 'frequency >= 5' },
    })
    expect(six.json().members).toBe(6)
    expect(six.json().population).toBe(10)
  })

  it('no credentials 401; a broken definition 400 with the position, in the caller’s language', async () => {
    const anon = await t.inject({
      method: 'POST',
      url: '/api/segments/preview/count',
      payload: { definition: 'x' },
    })
    expect(anon.statusCode).toBe(401)
    const bad = await t.as(t.viewer, {
      method: 'POST',
      url: '/api/segments/preview/count?lang=zh-CN',
      payload: { definition: "rfm_segment = '冠军'" },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toContain('冠军客户、忠诚客户')
    expect(bad.json().error.message).toContain('你是不是想写 `冠军客户`')
  })

  it('a preview whose caller hung up while it waited in the store queue is skipped, not run', async () => {
    // Observable effect of running a preview: the population cache row of the snapshot.
    const cached = async () =>
      Number((await t.store.conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM segment_population`))!.n)
    await t.store.conn.run(sql`DELETE FROM segment_population`)
    await t.server.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.server.app.server.address() as AddressInfo
    // An API key (cached in memory after its first use) so that only the preview itself waits in the queue.
    const key = await t.apiKey(t.admin, ['read'])
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${key}` }
    expect((await t.withKey(key, { method: 'GET', url: '/api/segments' })).statusCode).toBe(200)
    let release!: () => void
    const blocker = t.server.ctx.db(() => new Promise<void>((r) => (release = r)))
    const ctrl = new AbortController()
    const gone = fetch(`http://127.0.0.1:${port}/api/segments/preview`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ definition: 'frequency >= 5' }),
      signal: ctrl.signal,
    }).catch((e: Error) => e.name)
    // Let the request reach the queue, then hang up before the store is free.
    await new Promise((r) => setTimeout(r, 150))
    ctrl.abort()
    expect(await gone).toBe('AbortError')
    await new Promise((r) => setTimeout(r, 50))
    release()
    await blocker
    await t.server.ctx.db(async () => undefined) // everything queued before has run (or been skipped)
    expect(await cached()).toBe(0)
    const kept = await fetch(`http://127.0.0.1:${port}/api/segments/preview`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ definition: 'frequency >= 5' }),
    })
    expect(kept.status).toBe(200)
    expect(((await kept.json()) as { members: number }).members).toBe(6)
    expect(await cached()).toBe(1)
  })
})
