import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import { tenCustomers } from './fixture.js'
import { type Session, testServer } from './support.js'

// Fixture (test/server/fixture.ts): c01…c10, customer i has i orders; c01 consented to marketing (email
// zhang.wei@example.com), c02 did not (li.na@example.com), the others never answered. Added here: every
// order holds SKUs A and B, the orders of even-numbered customers also C (55 baskets; A→B in all 55).
let t: Awaited<ReturnType<typeof testServer>> & { admin: Session; analyst: Session; viewer: Session }
let lowSegment = ''
beforeAll(async () => {
  const s = await testServer({ webhooks: { maxAttempts: 1, baseDelayMs: 1, timeoutMs: 100, pollMs: 0 } })
  await tenCustomers(s.store)
  await s.store.conn.run(sql`INSERT INTO order_items (source, order_id, line_no, sku, product_name, category, quantity, unit_price)
    SELECT source, order_id, 1, 'A', 'Green tea', 'tea', 1, amount / 2 FROM orders`)
  await s.store.conn.run(sql`INSERT INTO order_items (source, order_id, line_no, sku, product_name, category, quantity, unit_price)
    SELECT source, order_id, 2, 'B', 'Tea cup', 'cups', 1, amount / 2 FROM orders`)
  await s.store.conn.run(sql`INSERT INTO order_items (source, order_id, line_no, sku, product_name, category, quantity, unit_price)
    SELECT source, order_id, 3, 'C', 'Teapot', 'pots', 1, 5 FROM orders
    WHERE CAST(substr(customer_id, 2) AS INTEGER) % 2 = 0`)
  t = { ...s, ...(await s.people()) }
  const seg = await t.as(t.analyst, {
    method: 'POST',
    url: '/api/segments',
    payload: { name: 'Few orders', definition: 'frequency <= 2' },
  })
  if (seg.statusCode !== 201) throw new Error(seg.body)
  lowSegment = seg.json().segment.segmentId
})
afterAll(async () => {
  await t.server.close()
  await t.store.close()
})
const count = async (q: ReturnType<typeof sql>) => Number((await t.store.conn.one<{ n: number }>(q))!.n)
const audits = (action: string) =>
  count(sql`SELECT count(*) AS n FROM server_audit_log WHERE action = ${action}`)

describe('strategy routes: playbooks', () => {
  it('lists and shows playbooks for viewers in the asked language; 401 without credentials', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/playbooks' })).statusCode).toBe(401)
    const list = await t.as(t.viewer, { method: 'GET', url: '/api/playbooks' })
    expect(list.statusCode).toBe(200)
    expect(list.json().industry).toBe('retail')
    expect(list.json().items.length).toBeGreaterThanOrEqual(11)
    const en = await t.as(t.viewer, { method: 'GET', url: '/api/playbooks/Champions?textLang=en' })
    const zh = await t.as(t.viewer, { method: 'GET', url: '/api/playbooks/Champions?textLang=zh-CN' })
    expect(en.json().playbook.id).toBe('rfm:Champions')
    expect(zh.json().playbook.text.goal).not.toBe(en.json().playbook.text.goal)
    const unknown = await t.as(t.viewer, { method: 'GET', url: '/api/playbooks/Nobody' })
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400)
    expect(unknown.statusCode).toBeLessThan(500)
  })

  it('edits with validation (400 with the field path), marks edited fields, resets; viewers 403', async () => {
    const url = '/api/playbooks/Champions?textLang=en'
    expect((await t.as(t.viewer, { method: 'PATCH', url, payload: { offer: 'Free gift' } })).statusCode).toBe(
      403,
    )
    const tooLong = await t.as(t.analyst, { method: 'PATCH', url, payload: { offer: 'x'.repeat(601) } })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json().error.details?.[0]?.path ?? tooLong.json().error.message).toMatch(/offer/)
    const ok = await t.as(t.analyst, { method: 'PATCH', url, payload: { offer: 'Free gift' } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().playbook.text.offer).toBe('Free gift')
    expect(ok.json().playbook.edited).toContain('offer')
    const zh = await t.as(t.viewer, { method: 'GET', url: '/api/playbooks/Champions?textLang=zh-CN' })
    expect(zh.json().playbook.text.offer).not.toBe('Free gift')
    const reset = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/playbooks/Champions/reset',
      payload: {},
    })
    expect(reset.json().removed).toBe(1)
    const back = await t.as(t.viewer, { method: 'GET', url })
    expect(back.json().playbook.edited).toEqual([])
  })

  it('industry presets: listed for viewers, set by analysts (unknown industry 400)', async () => {
    const list = await t.as(t.viewer, { method: 'GET', url: '/api/playbooks/industries' })
    expect(list.json().current).toBe('retail')
    const payload = {
      industry: list.json().items.find((p: { industry: string }) => p.industry !== 'retail').industry,
    }
    expect(
      (await t.as(t.viewer, { method: 'PUT', url: '/api/playbooks/industry', payload })).statusCode,
    ).toBe(403)
    const bad = await t.as(t.analyst, {
      method: 'PUT',
      url: '/api/playbooks/industry',
      payload: { industry: 'x' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].path).toBe('body.industry')
    const set = await t.as(t.analyst, { method: 'PUT', url: '/api/playbooks/industry', payload })
    expect(set.statusCode).toBe(200)
    expect((await t.as(t.viewer, { method: 'GET', url: '/api/playbooks' })).json().industry).toBe(
      payload.industry,
    )
    await t.as(t.analyst, { method: 'PUT', url: '/api/playbooks/industry', payload: { industry: 'retail' } })
  })

  it("a customer's next action, audited; unknown customer 404", async () => {
    const r = await t.as(t.viewer, { method: 'GET', url: '/api/customers/c10/next-action' })
    expect(r.statusCode).toBe(200)
    const stored = await t.store.conn.one<{ rfm_segment: string }>(
      sql`SELECT rfm_segment FROM customer_scores WHERE snapshot_id = '1' AND customer_id = 'c10'`,
    )
    expect(r.json().customerId).toBe('c10')
    expect(r.json().rfmSegment).toBe(stored!.rfm_segment)
    expect(typeof r.json().nextAction).toBe('string')
    expect(await audits('customer.next_action')).toBe(1)
    // c01 consented and has contact data: a viewer's answer carries none of it (and says consent is given).
    const c01 = await t.as(t.viewer, { method: 'GET', url: '/api/customers/c01/next-action' })
    expect(c01.json().marketingConsent).toBe(true)
    expect(c01.body).not.toMatch(/zhang|13800138000|张伟/)
    expect(
      (await t.as(t.viewer, { method: 'GET', url: '/api/customers/nobody/next-action' })).statusCode,
    ).toBe(404)
  })
})

describe('strategy routes: recommendations', () => {
  it('mines rules as a job or awaited; bad parameters 400 with the field path; viewers read the stored rules', async () => {
    expect(
      (await t.as(t.viewer, { method: 'POST', url: '/api/recommendations/rules', payload: {} })).statusCode,
    ).toBe(403)
    const bad = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/recommendations/rules',
      payload: { minSupport: 2 },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].path).toBe('body.minSupport')
    const started = await t.as(t.analyst, { method: 'POST', url: '/api/recommendations/rules', payload: {} })
    expect(started.statusCode).toBe(202)
    let job = started.json()
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20))
      job = (await t.as(t.viewer, { method: 'GET', url: `/api/strategy/jobs/${job.jobId}` })).json()
    }
    expect(job.state).toBe('done')
    expect(job.result.baskets).toBe(55)
    const r = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/recommendations/rules?wait=true',
      // A and B are in every basket, so their lift is 1: a floor of 0 keeps such rules.
      payload: { minCount: 2, minLift: 0 },
    })
    expect(r.statusCode).toBe(200)
    const ab = r
      .json()
      .result.rules.find(
        (x: { antecedent: string[]; consequent: string }) =>
          x.antecedent.join() === 'A' && x.consequent === 'B',
      )
    expect(ab.confidence).toBe(1)
    expect(ab.bothCount).toBe(55)
    const stored = await t.as(t.viewer, { method: 'GET', url: '/api/recommendations/rules' })
    expect(stored.json().count).toBe(r.json().result.count)
  })

  it('bought together with a SKU (by name too), for one customer (audited) and for a segment', async () => {
    const together = await t.as(t.viewer, { method: 'GET', url: '/api/recommendations/together/A' })
    expect(together.statusCode).toBe(200)
    const b = together.json().items.find((i: { item: string }) => i.item === 'B')
    expect(b.both).toBe(55)
    const c = together.json().items.find((i: { item: string }) => i.item === 'C')
    // Even customers i = 2…10 have i orders each: 2+4+6+8+10 = 30 baskets with C.
    expect(c.both).toBe(30)
    const byName = await t.as(t.viewer, { method: 'GET', url: '/api/recommendations/together/Green%20tea' })
    expect(byName.json().items).toEqual(together.json().items)
    const bad = await t.as(t.viewer, { method: 'GET', url: '/api/recommendations/together/A?limit=0' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].path).toBe('querystring.limit')

    const customer = await t.as(t.viewer, { method: 'GET', url: '/api/recommendations/customer/c01' })
    expect(customer.statusCode).toBe(200)
    expect(customer.json().customerId).toBe('c01')
    for (const p of customer.json().products) expect(['A', 'B']).not.toContain(p.item)
    expect(await audits('customer.recommendations')).toBe(1)

    const seg = await t.as(t.viewer, {
      method: 'GET',
      url: `/api/recommendations/segment/${lowSegment}?minCount=1`,
    })
    expect(seg.statusCode).toBe(200)
    expect(seg.json().selection.name).toBe(lowSegment)
    expect(seg.json().selection.query).toBeUndefined()
    const none = await t.as(t.viewer, { method: 'GET', url: '/api/recommendations/segment/nope' })
    expect(none.statusCode).toBe(404)
  })
})

describe('strategy routes: audience export', () => {
  it('streams only consented customers with their contact data, records and audits the export', async () => {
    const r = await t.as(t.analyst, { method: 'GET', url: `/api/audience/export?segment=${lowSegment}` })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toMatch(/text\/csv/)
    const lines = r.body.trim().split('\n')
    expect(lines[0]).toMatch(/^customer_id,email,phone/)
    // The segment holds c01 (consented) and c02 (refused): only c01 is exported.
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^c01,zhang\.wei@example\.com,/)
    expect(r.body).not.toMatch(/li\.na|c02/)
    const log = await t.store.conn.one<{ detail: string; actor: string | null }>(
      sql`SELECT CAST(detail AS VARCHAR) AS detail FROM server_audit_log WHERE action = 'export.audience'`,
    )
    expect(JSON.parse(log!.detail)).toMatchObject({ rows: 1, withoutConsent: 1, format: 'csv' })
    expect(log!.detail).not.toMatch(/zhang|example/)
    expect(await count(sql`SELECT count(*) AS n FROM audience_exports`)).toBe(1)
  })

  it('JSON and hashed ads formats; viewers 403; no selection or two selections 400', async () => {
    const json = await t.as(t.admin, {
      method: 'GET',
      url: `/api/audience/export?segment=${lowSegment}&format=json&columns=customer_id,email`,
    })
    expect(json.statusCode).toBe(200)
    expect(JSON.parse(json.body)).toEqual([{ customer_id: 'c01', email: 'zhang.wei@example.com' }])
    const ads = await t.as(t.analyst, {
      method: 'GET',
      url: `/api/audience/export?segment=${lowSegment}&format=ads`,
    })
    const sha = createHash('sha256').update('zhang.wei@example.com').digest('hex')
    expect(ads.body).toContain(sha)
    expect(ads.body).not.toContain('zhang.wei@example.com')
    const viewer = await t.as(t.viewer, { method: 'GET', url: `/api/audience/export?segment=${lowSegment}` })
    expect(viewer.statusCode).toBe(403)
    expect(viewer.body).not.toContain('zhang')
    expect((await t.as(t.analyst, { method: 'GET', url: '/api/audience/export' })).statusCode).toBe(400)
    const two = await t.as(t.analyst, {
      method: 'GET',
      url: `/api/audience/export?segment=${lowSegment}&rfm=Champions`,
    })
    expect(two.statusCode).toBe(400)
    const fmt = await t.as(t.analyst, {
      method: 'GET',
      url: `/api/audience/export?segment=${lowSegment}&format=xml`,
    })
    expect(fmt.json().error.details[0].path).toBe('querystring.format')
    expect(await audits('export.audience')).toBe(3)
  })
})
