import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
})
