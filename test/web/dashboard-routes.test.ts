import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze, DEFAULT_CONFIG } from '../../src/analytics/index.js'
import { typed } from '../../src/server/http/context.js'
import { staticWebRoutes } from '../../src/server/http/static-web.js'
import { TtlCache } from '../../src/server/http/ttl-cache.js'
import { loadFixture, SHOP } from '../analytics/fixture.js'
import { type Session, testServer } from '../server/support.js'

// The routes the dashboard added (src/server/routes/dashboard.ts), in-process, on the analytics fixture.

let t: Awaited<ReturnType<typeof testServer>>
let admin: Session
let viewer: Session

beforeAll(async () => {
  t = await testServer()
  ;({ admin, viewer } = await t.people())
  await loadFixture(t.store.conn, SHOP)
  await analyze(t.store.conn, {
    asOf: '2024-07-01',
    windowStart: null,
    config: DEFAULT_CONFIG,
    createdAt: '2024-07-01 08:00:00',
  } as Parameters<typeof analyze>[1])
})
afterAll(async () => {
  await t.server.close()
  await t.store.close()
})

describe('GET /api/dashboard/overview', () => {
  it('answers the KPIs, segments, R × F grid and trend to any signed-in role', async () => {
    const r = await t.as(viewer, { method: 'GET', url: '/api/dashboard/overview' })
    expect(r.statusCode).toBe(200)
    const d = r.json()
    expect(d.current).toMatchObject({ snapshotId: '1', asOf: '2024-07-01', repeaters: 3 })
    expect(d.previous).toBeNull()
    expect(d.activeDays).toBe(90)
    expect(d.segments.bySegment.length).toBeGreaterThan(0)
    expect(d.rf.reduce((s: number, c: { customers: number }) => s + c.customers, 0)).toBe(d.current.buyers)
  })

  it('refuses anonymous callers and names a missing snapshot', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/dashboard/overview' })).statusCode).toBe(401)
    const r = await t.as(admin, {
      method: 'GET',
      url: '/api/dashboard/overview?snapshot=99',
      headers: { 'accept-language': 'zh-CN' },
    })
    expect(r.statusCode).toBe(404)
    expect(r.json().error.code).toBe('analytics.snapshot_not_found')
  })
})

describe('customer explanation and timeline', () => {
  it("explains a customer's scores in the caller's language", async () => {
    const en = (await t.as(viewer, { method: 'GET', url: '/api/customers/c1/why' })).json()
    expect(en.sentences.map((s: { part: string }) => s.part)).toEqual(
      expect.arrayContaining(['inputs', 'r', 'f', 'm', 'code', 'lifecycle']),
    )
    const zh = (await t.as(viewer, { method: 'GET', url: '/api/customers/c1/why?lang=zh-CN' })).json()
    expect(zh.sentences.find((s: { part: string }) => s.part === 'lifecycle').text).toMatch(/生命周期/)
  })

  it('lists orders, events and feedback newest first, paged, and audits the read', async () => {
    const r = await t.as(viewer, { method: 'GET', url: '/api/customers/c1/timeline?limit=3' })
    expect(r.statusCode).toBe(200)
    expect(r.json().items.map((i: { kind: string }) => i.kind)).toEqual(['feedback', 'event', 'order'])
    expect(r.json().next).toBe(3)
    const audit = (await t.as(admin, { method: 'GET', url: '/api/audit?action=customer.timeline' })).json()
    expect(audit.items.length).toBeGreaterThan(0)
  })

  it('404s an unknown customer', async () => {
    expect((await t.as(viewer, { method: 'GET', url: '/api/customers/nobody/why' })).statusCode).toBe(404)
  })
})

describe('segment fields and the demo', () => {
  it("describes the language's fields in the caller's language", async () => {
    const r = (await t.as(viewer, { method: 'GET', url: '/api/segments/fields?lang=zh-TW' })).json()
    expect(r.items.map((f: { name: string }) => f.name)).toContain('rfm_segment')
  })

  it('loads the demo for admins only, and never over a store with its own orders', async () => {
    const asViewer = await t.as(viewer, { method: 'POST', url: '/api/demo', payload: { customers: 500 } })
    expect(asViewer.statusCode).toBe(403)
    const own = await t.as(admin, { method: 'POST', url: '/api/demo', payload: { customers: 500 } })
    expect(own.statusCode).toBe(409)
    expect(own.json().error.code).toBe('web.demo.has_data')
    const bad = await t.as(admin, { method: 'POST', url: '/api/demo', payload: { customers: 'many' } })
    expect(bad.statusCode).toBe(400)
  })
})

describe('web app serving', () => {
  const dist = mkdtempSync(join(tmpdir(), 'strata-dist-'))
  afterAll(() => rmSync(dist, { recursive: true, force: true }))

  it('serves files, falls back to index.html for app paths, keeps JSON 404s for /api, refuses ../', async () => {
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>')
    writeFileSync(join(dist, 'assets', 'a-123.js'), 'console.log(1)')
    const app = Fastify()
    staticWebRoutes(dist)(typed(app), {} as never)
    const get = (url: string) => app.inject({ method: 'GET', url })
    const asset = await get('/assets/a-123.js')
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expect(asset.headers['cache-control']).toMatch(/immutable/)
    const deep = await get('/customers/C1')
    expect(deep.body).toContain('<title>app</title>')
    expect(deep.headers['cache-control']).toBe('no-cache')
    expect((await get('/api/nothing')).statusCode).toBe(404)
    expect((await get('/../../etc/passwd')).body).toContain('<title>app</title>')
    await app.close()
  })

  it('through the real server: unknown API paths stay JSON 404', async () => {
    const r = await t.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(r.statusCode).toBe(404)
    expect(r.json().error.code).toBe('server.route_not_found')
  })
})

describe('TtlCache', () => {
  it('reuses a value within its time, recomputes after, forgets failures', async () => {
    let now = 0
    let calls = 0
    const cache = new TtlCache<number>(100, () => now)
    const compute = async () => ++calls
    expect(await cache.get('k', compute)).toBe(1)
    now = 99
    expect(await cache.get('k', compute)).toBe(1)
    now = 100
    expect(await cache.get('k', compute)).toBe(2)
    await expect(cache.get('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x')
    expect(await cache.get('bad', compute)).toBe(3)
  })
})
