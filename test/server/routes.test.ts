import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import { tenCustomers } from './fixture.js'
import { testServer } from './support.js'

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup) await c()
  cleanup = []
})
async function setup(withData = true) {
  const t = await testServer({ webhooks: { maxAttempts: 1, baseDelayMs: 1, timeoutMs: 100, pollMs: 0 } })
  cleanup.push(async () => {
    await t.server.close()
    await t.store.close()
  })
  if (withData) await tenCustomers(t.store)
  return { ...t, ...(await t.people()) }
}

function multipart(filename: string, content: Buffer | string) {
  const boundary = '----strata-test-boundary'
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'ingest', 'fixtures', name))

describe('API routes over the core', () => {
  it('imports an uploaded file and answers its data-quality report; a bad file is rejected (422) with line and column, nothing stored', async () => {
    const t = await setup(false)
    const up = multipart('shop.csv', fixture('generic-orders.csv'))
    const r = await t.as(t.analyst, { method: 'POST', url: '/api/imports/orders?wait=true', ...up })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ kind: 'import', state: 'done', result: { status: 'imported' } })
    expect(r.json().result.report.rows.imported).toBeGreaterThan(0)
    const orders = Number((await t.store.conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM orders`))!.n)
    const bad = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/imports/orders?wait=true&lang=zh-CN',
      ...multipart('bad.csv', fixture('orders-bad.csv')),
    })
    expect(bad.statusCode).toBe(200)
    expect(bad.json().result.status).toBe('rejected')
    expect(bad.json().result.problems[0].at).toMatchObject({ line: 3, field: 'ordered_at' })
    expect(Number((await t.store.conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM orders`))!.n)).toBe(
      orders,
    )
    // Without waiting: 202 and a job to poll, which ends with the report.
    const async = await t.as(t.analyst, { method: 'POST', url: '/api/imports/orders', ...up })
    expect(async.statusCode).toBe(202)
    const job = async.json().jobId
    let state = 'running'
    for (let i = 0; i < 100 && state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50))
      state = (await t.as(t.viewer, { method: 'GET', url: `/api/jobs/${job}` })).json().state
    }
    expect(state).toBe('done')
    const list = await t.as(t.viewer, { method: 'GET', url: '/api/imports' })
    expect(list.json().items).toHaveLength(3)
    const one = await t.as(t.viewer, { method: 'GET', url: `/api/imports/${list.json().items[0].import_id}` })
    expect(one.json().report).toBeTruthy()
    expect((await t.as(t.viewer, { method: 'POST', url: '/api/imports/orders', ...up })).statusCode).toBe(403)
    const notMultipart = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/imports/orders',
      payload: { a: 1 },
    })
    expect(notMultipart.statusCode).toBe(415)
    const badKind = await t.as(t.analyst, { method: 'POST', url: '/api/imports/nonsense', ...up })
    expect(badKind.statusCode).toBe(400)
    expect(badKind.json().error.details[0].path).toBe('params.kind')
  })

  it('runs an analysis, lists snapshots, summarises one and streams every score as CSV and NDJSON', async () => {
    const t = await setup()
    const run = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/analyze?wait=true',
      payload: { asOf: '2024-02-02', models: false },
    })
    expect(run.statusCode).toBe(200)
    expect(run.json().result.summary).toMatchObject({ snapshotId: '2', asOf: '2024-02-02', scored: 10 })
    const snaps = await t.as(t.viewer, { method: 'GET', url: '/api/snapshots' })
    expect(snaps.json().items.map((s: { snapshot_id: string }) => s.snapshot_id)).toEqual(['2', '1'])
    const latest = await t.as(t.viewer, { method: 'GET', url: '/api/snapshots/latest' })
    expect(latest.json().snapshot.snapshotId).toBe('2')
    expect(latest.json().summary.bySegment.length).toBeGreaterThan(0)
    const missing = await t.as(t.viewer, { method: 'GET', url: '/api/snapshots/99?lang=zh-CN' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('analytics.snapshot_not_found')
    const csv = await t.as(t.viewer, { method: 'GET', url: '/api/exports/scores?format=csv' })
    expect(csv.statusCode).toBe(200)
    const lines = csv.body.trim().split('\n')
    expect(lines).toHaveLength(11)
    expect(lines[0]).toMatch(/^customer_id,recency_days,frequency,monetary,r,f,m,rfm_code,rfm_segment/)
    const nd = await t.as(t.viewer, { method: 'GET', url: '/api/exports/scores?format=ndjson' })
    expect(
      nd.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).customer_id),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`))
    const audit = await t.store.conn.all(
      sql`SELECT action FROM server_audit_log WHERE action LIKE 'export.%'`,
    )
    expect(audit).toHaveLength(2)
    const badDate = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/analyze',
      payload: { asOf: 20240202 },
    })
    expect(badDate.statusCode).toBe(400)
    expect(badDate.json().error.details[0]).toMatchObject({ path: 'body.asOf', code: 'invalid_type' })
  })

  it('customers: list with paging limits, orders, one customer’s segments; unknown ids answer 404', async () => {
    const t = await setup()
    const page = await t.as(t.viewer, { method: 'GET', url: '/api/customers?limit=4&offset=8' })
    expect(page.json()).toMatchObject({ limit: 4, offset: 8, next: null })
    expect(page.json().items.map((c: { customer_id: string }) => c.customer_id)).toEqual(['c09', 'c10'])
    const tooMany = await t.as(t.viewer, { method: 'GET', url: '/api/customers?limit=100000' })
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().error.details[0].path).toBe('querystring.limit')
    const orders = await t.as(t.viewer, { method: 'GET', url: '/api/customers/c03/orders' })
    expect(orders.json().items).toHaveLength(3)
    const segs = await t.as(t.viewer, { method: 'GET', url: '/api/customers/c10/segments' })
    expect(segs.json().score).toMatchObject({ rfm_code: '555', rfm_segment: 'Champions' })
    const nobody = await t.as(t.viewer, { method: 'GET', url: '/api/customers/zz?lang=zh-TW' })
    expect(nobody.statusCode).toBe(404)
    expect(nobody.json().error.message).toContain('zz')
  })

  it('models: a fit the data cannot support answers 422 with the reason; predict needs a customer', async () => {
    const t = await setup()
    const fit = await t.as(t.analyst, { method: 'POST', url: '/api/models/clv/fit', payload: {} })
    expect([200, 422]).toContain(fit.statusCode)
    if (fit.statusCode === 422) expect(fit.json().error.code).toMatch(/^models\./)
    const noCustomer = await t.as(t.viewer, { method: 'GET', url: '/api/models/clv/predict' })
    expect(noCustomer.statusCode).toBe(400)
    expect(noCustomer.json().error.details[0].path).toBe('querystring.customer')
    const backtest = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/models/backtest',
      payload: { calibrationEnd: '2024-01-15', holdoutEnd: '2024-01-31' },
    })
    expect([200, 422]).toContain(backtest.statusCode)
  })

  it('OpenAPI document, docs page, health; unknown routes and bad JSON answer in the caller’s language', async () => {
    const t = await setup(false)
    const doc = await t.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(doc.statusCode).toBe(200)
    const paths = Object.keys(doc.json().paths)
    for (const p of [
      '/api/track',
      '/api/customers/{id}',
      '/api/segments',
      '/api/imports/{kind}',
      '/api/webhooks',
      '/api/auth/login',
    ])
      expect(paths).toContain(p)
    expect(doc.json().paths['/api/track'].post.requestBody).toBeTruthy()
    const docs = await t.inject({ method: 'GET', url: '/api/docs' })
    expect(docs.headers['content-type']).toContain('text/html')
    expect((await t.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ ok: true })
    const nf = await t.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'fr-FR, zh-CN;q=0.8, en;q=0.5' },
    })
    expect(nf.statusCode).toBe(404)
    expect(nf.json()).toEqual({
      error: { code: 'server.route_not_found', message: '没有这个 API 接口:GET /api/nope' },
    })
    const bad = await t.as(t.admin, {
      method: 'POST',
      url: '/api/users',
      payload: '{"username": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('server.bad_json')
    const weak = await t.as(t.admin, {
      method: 'POST',
      url: '/api/users?lang=zh-TW',
      payload: { username: 'x', password: 'short', role: 'viewer' },
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().error.details[0]).toMatchObject({ path: 'body.password' })
    const users = await t.as(t.admin, { method: 'GET', url: '/api/users' })
    expect(
      users
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['ada', 'ana', 'vic'])
    const audit = await t.as(t.admin, { method: 'GET', url: '/api/audit?action=auth.login' })
    expect(audit.json().items.length).toBe(3)
    const me = await t.as(t.viewer, { method: 'GET', url: '/api/auth/me' })
    expect(me.json()).toMatchObject({ name: 'vic', role: 'viewer' })
    const out = await t.as(t.viewer, { method: 'POST', url: '/api/auth/logout' })
    expect(out.statusCode).toBe(200)
    expect((await t.as(t.viewer, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401)
  })
})
