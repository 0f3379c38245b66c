import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import { tenCustomers } from './fixture.js'
import { type Session, testServer } from './support.js'

// One server for the file (the routes are thin; each test reads what the previous ones left).
// Fixture (test/server/fixture.ts): c01…c10, customer i has i orders of 10·i, so frequency = i.
let t: Awaited<ReturnType<typeof testServer>> & { admin: Session; analyst: Session; viewer: Session }
beforeAll(async () => {
  const s = await testServer({ webhooks: { maxAttempts: 1, baseDelayMs: 1, timeoutMs: 100, pollMs: 0 } })
  await tenCustomers(s.store)
  t = { ...s, ...(await s.people()) }
})
afterAll(async () => {
  await t.server.close()
  await t.store.close()
})
const count = async (q: ReturnType<typeof sql>) => Number((await t.store.conn.one<{ n: number }>(q))!.n)
const audits = (action: string) =>
  count(sql`SELECT count(*) AS n FROM server_audit_log WHERE action = ${action}`)

describe('personas routes', () => {
  it('tags: refresh (analyst), counts for viewers equal to the stored assignments; 401 without credentials, 403 for viewers writing', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/tags' })).statusCode).toBe(401)
    expect((await t.as(t.viewer, { method: 'POST', url: '/api/tags/refresh', payload: {} })).statusCode).toBe(
      403,
    )
    const r = await t.as(t.analyst, { method: 'POST', url: '/api/tags/refresh', payload: {} })
    expect(r.statusCode).toBe(200)
    expect(r.json().snapshotId).toBe('1')
    const list = await t.as(t.viewer, { method: 'GET', url: '/api/tags' })
    expect(list.statusCode).toBe(200)
    const stored = await t.store.conn.all<{ tag: string; n: number }>(
      sql`SELECT tag, count(*) AS n FROM customer_tags GROUP BY tag`,
    )
    expect(stored.length).toBeGreaterThan(0)
    for (const s of stored) {
      const item = list.json().items.find((i: { tag: string }) => i.tag === s.tag)
      expect(item.customers).toBe(Number(s.n))
    }
  })

  it('user tag: a bad definition is 400 with the language diagnostics in the caller’s language; a good one tags frequency ≥ 5 (6 customers); delete', async () => {
    const en = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/tags',
      payload: { name: 'loyal', definition: 'frequncy >= 5' },
    })
    const zh = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/tags?lang=zh-CN',
      payload: { name: 'loyal', definition: 'frequncy >= 5' },
    })
    expect(en.statusCode).toBe(400)
    expect(zh.statusCode).toBe(400)
    expect(zh.json().error.code).toBe(en.json().error.code)
    expect(zh.json().error.code).not.toMatch(/^server\./)
    expect(zh.json().error.message).not.toBe(en.json().error.message)
    expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/)
    const missing = await t.as(t.analyst, { method: 'POST', url: '/api/tags', payload: { definition: 'x' } })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details[0].path).toBe('body.name')

    const ok = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/tags',
      payload: { name: 'loyal', definition: 'frequency >= 5' },
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json().customers).toBe(6)
    expect(await count(sql`SELECT count(*) AS n FROM customer_tags WHERE tag = 'loyal'`)).toBe(6)

    const why = await t.as(t.viewer, { method: 'GET', url: '/api/customers/c07/tags' })
    expect(why.statusCode).toBe(200)
    const loyal = why.json().tags.find((x: { tag: string }) => x.tag === 'loyal')
    expect(loyal.text).toBe('matches the definition: frequency >= 5')
    expect(await audits('customer.tags_read')).toBe(1)
    const none = await t.as(t.viewer, { method: 'GET', url: '/api/customers/c02/tags' })
    expect(none.json().tags.some((x: { tag: string }) => x.tag === 'loyal')).toBe(false)

    expect((await t.as(t.viewer, { method: 'DELETE', url: '/api/tags/loyal' })).statusCode).toBe(403)
    expect((await t.as(t.analyst, { method: 'DELETE', url: '/api/tags/loyal' })).statusCode).toBe(200)
    expect((await t.as(t.analyst, { method: 'DELETE', url: '/api/tags/loyal' })).statusCode).toBe(404)
    expect(await count(sql`SELECT count(*) AS n FROM customer_tags WHERE tag = 'loyal'`)).toBe(0)
  })

  it('clusters: run as a job (202, then poll) or awaited; list; save one cluster of the newest run as a segment', async () => {
    expect(
      (await t.as(t.viewer, { method: 'POST', url: '/api/clusters/run', payload: { k: 2 } })).statusCode,
    ).toBe(403)
    const bad = await t.as(t.analyst, { method: 'POST', url: '/api/clusters/run', payload: { k: 1 } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].path).toBe('body.k')

    const started = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/clusters/run',
      payload: { k: 2, seed: 7 },
    })
    expect(started.statusCode).toBe(202)
    let job = started.json()
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20))
      job = (await t.as(t.viewer, { method: 'GET', url: `/api/personas/jobs/${job.jobId}` })).json()
    }
    expect(job.state).toBe('done')
    expect(job.result.k).toBe(2)

    const waited = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/clusters/run?wait=true',
      payload: { k: 2, seed: 7 },
    })
    expect(waited.statusCode).toBe(200)
    const run = waited.json().result
    // Same seed, same data: the same partition.
    expect(run.clusters.map((c: { size: number }) => c.size)).toEqual(
      job.result.clusters.map((c: { size: number }) => c.size),
    )
    const list = await t.as(t.viewer, { method: 'GET', url: '/api/clusters' })
    expect(list.json().items).toHaveLength(2)
    expect(list.json().items[0].runId).toBe(run.runId)
    expect(list.json().items.reduce((s: number, c: { size: number }) => s + c.size, 0)).toBe(10)

    const old = await t.as(t.analyst, {
      method: 'POST',
      url: `/api/clusters/${job.result.runId}/1/save`,
      payload: { name: 'old' },
    })
    expect(old.statusCode).toBe(404)
    const saved = await t.as(t.analyst, {
      method: 'POST',
      url: `/api/clusters/${run.runId}/${list.json().items[0].cluster}/save`,
      payload: { name: 'Cluster zero' },
    })
    expect(saved.statusCode).toBe(201)
    const seg = saved.json().saved[0]
    expect(seg.members).toBe(list.json().items[0].size)
    expect(
      await count(
        sql`SELECT count(*) AS n FROM segment_members WHERE segment_id = ${seg.segmentId} AND exited_at IS NULL`,
      ),
    ).toBe(seg.members)
  })

  it('persona card of one group for viewers (sizes equal direct SQL); none or two groups is 400', async () => {
    const champions = await count(
      sql`SELECT count(*) AS n FROM customer_scores WHERE snapshot_id = '1' AND rfm_segment = 'Champions'`,
    )
    const card = await t.as(t.viewer, { method: 'GET', url: '/api/personas/card?rfm=Champions' })
    expect(card.statusCode).toBe(200)
    expect(card.json().size).toBe(champions)
    expect(card.json().summary['zh-CN']).toBeTruthy()
    const all = await t.as(t.viewer, { method: 'GET', url: '/api/personas/card?all=true' })
    expect(all.json().size).toBe(10)
    const byTier = await t.as(t.viewer, { method: 'GET', url: '/api/personas/card?lifecycle=active' })
    expect(byTier.statusCode).toBeLessThan(500)
    const none = await t.as(t.viewer, { method: 'GET', url: '/api/personas/card?lang=zh-TW' })
    expect(none.statusCode).toBe(400)
    expect(none.json().error.code).toBe('server.personas.one_group')
    expect(none.json().error.message).toMatch(/請只指定/)
    const two = await t.as(t.viewer, { method: 'GET', url: '/api/personas/card?rfm=Champions&tag=x' })
    expect(two.statusCode).toBe(400)
    const badCluster = await t.as(t.viewer, { method: 'GET', url: '/api/personas/card?cluster=-1' })
    expect(badCluster.statusCode).toBe(400)
    expect(badCluster.json().error.details[0].path).toBe('querystring.cluster')
  })

  it('buyer personas: create, list, redefine, card, delete; viewers read only', async () => {
    const payload = { name: '常客', definition: 'frequency >= 8' }
    expect((await t.as(t.viewer, { method: 'POST', url: '/api/personas', payload })).statusCode).toBe(403)
    const made = await t.as(t.analyst, { method: 'POST', url: '/api/personas', payload })
    expect(made.statusCode).toBe(201)
    expect(made.json().customers).toBe(3)
    const list = await t.as(t.viewer, { method: 'GET', url: '/api/personas' })
    expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(['常客'])
    const put = await t.as(t.analyst, {
      method: 'PUT',
      url: `/api/personas/${encodeURIComponent('常客')}`,
      payload: { definition: 'frequency >= 9' },
    })
    expect(put.statusCode).toBe(200)
    expect(put.json().customers).toBe(2)
    const unknown = await t.as(t.analyst, {
      method: 'PUT',
      url: '/api/personas/nobody',
      payload: { definition: 'frequency >= 9' },
    })
    expect(unknown.statusCode).toBe(404)
    const card = await t.as(t.viewer, {
      method: 'GET',
      url: `/api/personas/card?persona=${encodeURIComponent('常客')}`,
    })
    expect(card.json().size).toBe(2)
    const del = await t.as(t.analyst, {
      method: 'DELETE',
      url: `/api/personas/${encodeURIComponent('常客')}`,
    })
    expect(del.statusCode).toBe(200)
    expect((await t.as(t.viewer, { method: 'GET', url: '/api/personas' })).json().items).toEqual([])
  })

  it('lookalikes of a seed group, saved as a segment; bad input 400 with the field path; viewers 403', async () => {
    const body = { seed: { rfm: 'Champions' }, limit: 3, saveAs: 'Like champions' }
    expect((await t.as(t.viewer, { method: 'POST', url: '/api/lookalikes', payload: body })).statusCode).toBe(
      403,
    )
    const bad = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/lookalikes',
      payload: { ...body, limit: 0 },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].path).toBe('body.limit')
    const r = await t.as(t.analyst, { method: 'POST', url: '/api/lookalikes', payload: body })
    expect(r.statusCode).toBe(200)
    const out = r.json()
    expect(out.lookalikes.length).toBeLessThanOrEqual(3)
    expect(out.lookalikes.length).toBeGreaterThan(0)
    const seed = await t.store.conn.all<{ customer_id: string }>(
      sql`SELECT customer_id FROM customer_scores WHERE snapshot_id = '1' AND rfm_segment = 'Champions'`,
    )
    for (const l of out.lookalikes) expect(seed.map((s) => s.customer_id)).not.toContain(l.customerId)
    expect(out.saved.members).toBe(out.lookalikes.length)
    expect(await audits('lookalikes.find')).toBe(1)
  })
})
