import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { weeklyReport } from '../../src/reports/index.js'
import { createServer } from '../../src/server/index.js'
import { latestSlot, parseWeeklyWhen, weeklyTick } from '../../src/server/schedule/weekly.js'
import { verifySignature } from '../../src/server/webhooks/signature.js'
import { ident, sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import { loadFixture } from '../analytics/fixture.js'
import { cli } from '../support/run-cli.js'
import { tenCustomers } from './fixture.js'
import { callers } from './support.js'

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

/**
 * Two snapshots: the ten server-fixture customers analysed as of 2024-02-01, then forty more (e01…e40, two
 * orders of 50 each in January 2024, all consented to marketing) and a second analysis as of 2024-06-01.
 * The forty are absent from the first snapshot, so their groups in the second move by far more than 20%
 * with ≥ 30 customers: drift alerts with the default settings.
 */
async function twoSnapshots(store: Store): Promise<void> {
  await tenCustomers(store)
  const customers = Array.from({ length: 40 }, (_, i) => [
    `e${String(i + 1).padStart(2, '0')}`,
    'M',
    '1985-01-01',
    '北京',
    '华北',
    '2023-06-01 00:00:00',
    null,
  ])
  const orders = customers.flatMap(([id]) => [
    [`${id}-a`, id, '2024-01-05 10:00:00', 50, 'paid', 'app', 0, null],
    [`${id}-b`, id, '2024-01-20 10:00:00', 50, 'paid', 'app', 0, null],
  ])
  await loadFixture(store.conn, { customers, orders } as Parameters<typeof loadFixture>[1])
  await store.conn.run(sql`UPDATE customers SET consent_marketing = TRUE WHERE customer_id LIKE 'e%'`)
  await analyze(store.conn, { asOf: '2024-06-01', createdAt: '2024-06-01 00:00:00' })
}

/** A server on a fresh store with a clock the test moves; webhooks delivered only when the test says. */
async function setup(options: { weeklyReport?: { when: string; lang: 'en' } } = {}, shared?: Store) {
  const store = shared ?? (await openStore(':memory:'))
  if (!shared) await twoSnapshots(store)
  const clock = { now: new Date('2024-06-03T09:00:00Z') }
  const server = await createServer({
    store,
    now: () => clock.now,
    options: {
      loginRate: { capacity: 1000, perSecond: 1000 },
      webhooks: { maxAttempts: 2, baseDelayMs: 0, timeoutMs: 2000, pollMs: 0 },
      weeklyReport: options.weeklyReport ?? null,
    },
  })
  cleanup.push(async () => {
    await server.close()
    if (!shared) await store.close()
  })
  const c = callers(server)
  return { server, store, clock, ...c }
}

async function withPeople(t: Awaited<ReturnType<typeof setup>>) {
  return { ...t, ...(await t.people()) }
}

async function receiver() {
  const got: { headers: Record<string, unknown>; body: string }[] = []
  const server: Server = createHttpServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      got.push({ headers: req.headers, body })
      res.end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanup.push(() => new Promise((r) => server.close(() => r())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got }
}

const count = async (store: Store, table: string, where = sql`TRUE`) =>
  Number(
    (await store.conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(table)} WHERE ${where}`))!.n,
  )

describe('evaluation routes', () => {
  it('migration, cohorts and KPIs for viewers; 401 without credentials; bad input 400 with the field path', async () => {
    const t = await withPeople(await setup())
    const m = await t.as(t.viewer, { method: 'GET', url: '/api/evaluation/migration?by=lifecycle' })
    expect(m.statusCode).toBe(200)
    const body = m.json()
    expect(body.from.snapshotId).toBe('1')
    expect(body.to.snapshotId).toBe('2')
    // Every customer of either snapshot in exactly one cell: the 40 newcomers come from `(not present)`.
    const total = body.cells.reduce((s: number, c: { customers: number }) => s + c.customers, 0)
    expect(total).toBe(50)
    expect(body.rowTotals['(not present)']).toBe(40)
    const direct = await t.store.conn.all<{ lifecycle: string; n: number }>(
      sql`SELECT lifecycle, count(*) AS n FROM customer_scores WHERE snapshot_id = '2' GROUP BY 1`,
    )
    for (const r of direct) expect(body.columnTotals[r.lifecycle]).toBe(Number(r.n))

    const cohorts = await t.as(t.viewer, { method: 'GET', url: '/api/evaluation/cohorts?months=6' })
    expect(cohorts.statusCode).toBe(200)
    const size = cohorts.json().cohorts.reduce((s: number, c: { size: number }) => s + c.size, 0)
    expect(size).toBe(50)

    const kpis = await t.as(t.viewer, { method: 'GET', url: '/api/evaluation/kpis' })
    expect(
      kpis.json().items.map((k: { snapshotId: string; customers: number }) => [k.snapshotId, k.customers]),
    ).toEqual([
      ['1', 10],
      ['2', 50],
    ])

    expect((await t.inject({ method: 'GET', url: '/api/evaluation/kpis' })).statusCode).toBe(401)
    const badBy = await t.as(t.viewer, {
      method: 'GET',
      url: '/api/evaluation/migration?by=colour&lang=zh-CN',
    })
    expect(badBy.statusCode).toBe(400)
    expect(badBy.json().error.details[0].path).toBe('querystring.by')
    expect(badBy.json().error.message).toMatch(/请求无效/)
    const badDate = await t.as(t.viewer, { method: 'GET', url: '/api/evaluation/cohorts?asOf=2024-02-30' })
    expect(badDate.statusCode).toBe(400)
    expect(badDate.json().error.details[0].path).toBe('querystring.asOf')
    const badMonths = await t.as(t.viewer, { method: 'GET', url: '/api/evaluation/cohorts?months=0' })
    expect(badMonths.json().error.details[0].path).toBe('querystring.months')
    const unknown = await t.as(t.viewer, { method: 'GET', url: '/api/evaluation/migration?to=99' })
    expect(unknown.statusCode).toBe(404)
  })

  it('one snapshot: migration answers the core error in the caller language', async () => {
    const store = await openStore(':memory:')
    cleanup.push(() => store.close())
    await tenCustomers(store)
    const t = await withPeople(await setup({}, store))
    const r = await t.as(t.viewer, {
      method: 'GET',
      url: '/api/evaluation/migration',
      headers: { 'accept-language': 'zh-TW' },
    })
    expect(r.statusCode).toBe(400)
    expect(r.json().error.code).toBe('evaluation.migration.one_snapshot')
    expect(r.json().error.message).toMatch(/只有一個快照/)
  })

  it('alerts: analysts check (kept once), viewers list, 403 for viewers checking; a new alert reaches a webhook as alert.drift', async () => {
    const t = await withPeople(await setup())
    const rx = await receiver()
    const follows = await t.as(t.admin, { method: 'POST', url: '/api/webhooks', payload: { url: rx.url } })
    expect(follows.statusCode).toBe(201)
    const secret = follows.json().secret as string
    // A webhook following one segment only does not get alerts.
    await t.as(t.admin, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: `${rx.url}/x`, segments: ['s1'] },
    })

    expect((await t.as(t.viewer, { method: 'POST', url: '/api/alerts/check', payload: {} })).statusCode).toBe(
      403,
    )
    const bad = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/alerts/check',
      payload: { threshold: -1 },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].path).toBe('body.threshold')

    const r = await t.as(t.analyst, { method: 'POST', url: '/api/alerts/check', payload: {} })
    expect(r.statusCode).toBe(200)
    const alerts = r.json().alerts as { alertId: string; snapshotFrom: string; snapshotTo: string }[]
    expect(alerts.length).toBeGreaterThan(0)
    expect(alerts.every((a) => a.snapshotFrom === '1' && a.snapshotTo === '2')).toBe(true)
    expect(r.json().queued).toBe(alerts.length)
    const rows = await t.store.conn.all<{
      customer_id: string | null
      event: string
      payload: string
      webhook_id: string
    }>(sql`SELECT customer_id, event, payload, webhook_id FROM server_webhook_outbox ORDER BY delivery_id`)
    expect(rows).toHaveLength(alerts.length)
    expect(new Set(rows.map((x) => x.webhook_id))).toEqual(new Set([follows.json().webhookId]))
    for (const row of rows) {
      expect(row.customer_id).toBeNull()
      expect(row.event).toBe('alert.drift')
    }
    const delivered = await t.store.conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM drift_alerts WHERE delivered_at IS NULL`,
    )
    expect(Number(delivered!.n)).toBe(0)

    // Checking again adds nothing and queues nothing.
    const again = await t.as(t.analyst, { method: 'POST', url: '/api/alerts/check', payload: {} })
    expect(again.json()).toEqual({ alerts: [], queued: 0 })
    const list = await t.as(t.viewer, { method: 'GET', url: '/api/alerts' })
    expect(list.json().items).toHaveLength(alerts.length)

    expect(await t.server.webhooks.runOnce()).toBe(alerts.length)
    expect(rx.got).toHaveLength(alerts.length)
    const first = rx.got[0]!
    expect(
      verifySignature(
        secret,
        first.headers['strata-signature'] as string,
        first.body,
        t.clock.now.getTime() / 1000,
      ),
    ).toBe(true)
    const payload = JSON.parse(first.body)
    expect(payload).toMatchObject({ event: 'alert.drift', occurred_at: '2024-06-03 09:00:00' })
    expect(Object.keys(payload.alert).sort()).toEqual(
      [
        'change',
        'dimension',
        'group',
        'id',
        'metric',
        'snapshot_from',
        'snapshot_to',
        'threshold',
        'value_from',
        'value_to',
      ].sort(),
    )
    const stored = alerts.find((a) => a.alertId === payload.alert.id) as unknown as Record<string, unknown>
    expect(payload.alert).toMatchObject({
      dimension: stored['dimension'],
      group: stored['group'],
      metric: stored['metric'],
      value_from: stored['valueFrom'],
      value_to: stored['valueTo'],
      change: stored['change'],
    })
    expect(first.body).not.toMatch(/customer_id|email|phone/)
  })

  it('campaigns: plan (viewer), create (analyst, 403 viewer), list, one, measure; export streams consented treatment only, masked for viewers, audited', async () => {
    const t = await withPeople(await setup())
    const stage = (await t.store.conn.one<{ lifecycle: string }>(
      sql`SELECT lifecycle FROM customer_scores WHERE snapshot_id = '2' AND customer_id LIKE 'e%'
        GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    ))!.lifecycle
    const body = {
      name: 'win-back',
      target: { kind: 'lifecycle', value: stage },
      holdout: { percent: 25 },
      start: '2024-06-03',
      end: '2024-06-30',
    }
    const plan = await t.as(t.viewer, { method: 'POST', url: '/api/campaigns/plan', payload: body })
    expect(plan.statusCode).toBe(200)
    const audience = Number(
      (await t.store.conn.one<{ n: number }>(
        sql`SELECT count(*) AS n FROM customer_scores WHERE snapshot_id = '2' AND lifecycle = ${stage}`,
      ))!.n,
    )
    expect(plan.json().audience).toBe(audience)
    expect(await count(t.store, 'campaigns')).toBe(0)

    expect((await t.as(t.viewer, { method: 'POST', url: '/api/campaigns', payload: body })).statusCode).toBe(
      403,
    )
    const badHoldout = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/campaigns',
      payload: { ...body, holdout: { percent: 100 } },
    })
    expect(badHoldout.statusCode).toBe(400)
    expect(badHoldout.json().error.details[0].path).toMatch(/^body\.holdout/)
    const badEnd = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/campaigns',
      payload: { ...body, end: '30/06/2024' },
    })
    expect(badEnd.json().error.details[0].path).toBe('body.end')

    const created = await t.as(t.analyst, { method: 'POST', url: '/api/campaigns', payload: body })
    expect(created.statusCode).toBe(201)
    const id = created.json().campaignId as string
    expect(created.json().plan.holdout).toBe(plan.json().holdout)
    const dup = await t.as(t.analyst, { method: 'POST', url: '/api/campaigns', payload: body })
    expect(dup.json().error.code).toBe('evaluation.campaign.duplicate')

    const list = await t.as(t.viewer, { method: 'GET', url: '/api/campaigns' })
    expect(list.json().items.map((c: { campaignId: string }) => c.campaignId)).toEqual([id])
    const one = await t.as(t.viewer, { method: 'GET', url: '/api/campaigns/win-back' })
    expect(one.json().campaignId).toBe(id)
    expect((await t.as(t.viewer, { method: 'GET', url: '/api/campaigns/nope' })).statusCode).toBe(404)

    // Export: exactly the consented treatment customers (direct SQL), contact masked for a viewer.
    const expected = await t.store.conn.all<{ customer_id: string }>(
      sql`SELECT a.customer_id FROM campaign_assignments a JOIN customers c USING (customer_id)
        WHERE a.campaign_id = ${id} AND a.arm = 'treatment' AND c.consent_marketing ORDER BY 1`,
    )
    expect(expected.length).toBeGreaterThan(0)
    await t.store.conn.run(
      sql`UPDATE customers SET email = customer_id || '@example.com' WHERE customer_id LIKE 'e%'`,
    )
    const csv = await t.as(t.viewer, { method: 'GET', url: `/api/campaigns/${id}/export?withContact=true` })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    const lines = csv.body.trim().split('\n')
    expect(lines[0]).toBe('customer_id,rfm_segment,email,phone,name')
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expected.map((e) => e.customer_id))
    const holdout = await t.store.conn.all<{ customer_id: string }>(
      sql`SELECT customer_id FROM campaign_assignments WHERE campaign_id = ${id} AND arm = 'holdout'`,
    )
    for (const h of holdout) expect(csv.body).not.toContain(`${h.customer_id},`)
    const audit = await t.store.conn.all<{ action: string; detail: string }>(
      sql`SELECT action, detail FROM server_audit_log WHERE action = 'export.campaign_treatment'`,
    )
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.detail)).toEqual({ campaign: id, format: 'csv', withContact: true })
    const emails = await t.store.conn.all<{ customer_id: string; email: string | null }>(
      sql`SELECT customer_id, email FROM customers ORDER BY customer_id`,
    )
    const emailOf = new Map(emails.map((e) => [e.customer_id, e.email]))
    const firstId = expected[0]!.customer_id
    expect(emailOf.get(firstId)).toBeTruthy()
    expect(lines[1]).toContain('***@example.com')
    for (const e of expected) expect(csv.body).not.toContain(String(emailOf.get(e.customer_id)))
    const nd = await t.as(t.admin, {
      method: 'GET',
      url: `/api/campaigns/${id}/export?format=ndjson&withContact=true`,
    })
    const items = nd.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(items).toHaveLength(expected.length)
    expect(items[0]).toMatchObject({ customer_id: firstId, email: emailOf.get(firstId) })

    expect(
      (await t.as(t.viewer, { method: 'POST', url: `/api/campaigns/${id}/measure`, payload: {} })).statusCode,
    ).toBe(403)
    const measured = await t.as(t.analyst, {
      method: 'POST',
      url: `/api/campaigns/${id}/measure`,
      payload: { asOf: '2024-06-15' },
    })
    expect(measured.statusCode).toBe(200)
    expect(measured.json()).toMatchObject({
      campaignId: id,
      interim: true,
      overall: { verdict: 'too_small' },
    })
    expect(await count(t.store, 'campaign_results')).toBe(1)
  })

  it('weekly report as a job; listed; served back as text/html; viewers cannot write one; bad format 400', async () => {
    const t = await withPeople(await setup())
    expect(
      (await t.as(t.viewer, { method: 'POST', url: '/api/reports/weekly', payload: {} })).statusCode,
    ).toBe(403)
    const bad = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/reports/weekly',
      payload: { format: 'docx' },
    })
    expect(bad.json().error.details[0].path).toBe('body.format')
    const started = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/reports/weekly',
      payload: { asOf: '2024-06-02', lang: 'zh-CN' },
    })
    expect(started.statusCode).toBe(202)
    let job = started.json()
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25))
      job = (await t.as(t.viewer, { method: 'GET', url: `/api/reports/jobs/${job.jobId}` })).json()
    }
    expect(job).toMatchObject({
      state: 'done',
      result: { asOf: '2024-06-02', snapshotId: '2', lang: 'zh-CN' },
    })
    const list = await t.as(t.viewer, { method: 'GET', url: '/api/reports' })
    expect(list.json().items).toHaveLength(1)
    expect(list.json().items[0]).toMatchObject({
      reportId: job.result.reportId,
      lang: 'zh-CN',
      format: 'html',
    })
    const page = await t.as(t.viewer, { method: 'GET', url: `/api/reports/${job.result.reportId}` })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toMatch(/^<!doctype html>/i)
    expect(page.body).toContain('客户分层周报')
    expect((await t.as(t.viewer, { method: 'GET', url: '/api/reports/999' })).statusCode).toBe(404)
    expect((await t.inject({ method: 'GET', url: '/api/reports' })).statusCode).toBe(401)
  })
  it('a report kept with contact details is refused to viewers and audited for analysts', async () => {
    const t = await withPeople(await setup())
    const { reportId } = await weeklyReport(t.store.conn, {
      asOf: '2024-06-02',
      lang: 'en',
      format: 'html',
      now: '2024-06-03 09:00:00',
      withContact: true,
    })
    expect((await t.as(t.viewer, { method: 'GET', url: `/api/reports/${reportId}` })).statusCode).toBe(403)
    const ok = await t.as(t.analyst, { method: 'GET', url: `/api/reports/${reportId}` })
    expect(ok.statusCode).toBe(200)
    const audit = await t.store.conn.all(
      sql`SELECT action, detail FROM server_audit_log WHERE action = 'report.contact_read'`,
    )
    expect(audit).toEqual([{ action: 'report.contact_read', detail: JSON.stringify({ report: reportId }) }])
  })
})

describe('weekly schedule', () => {
  it('parses weekly times and finds the latest slot', () => {
    const mon8 = parseWeeklyWhen('mon 08:00')
    expect(mon8).toEqual({ day: 1, hour: 8, minute: 0 })
    expect(parseWeeklyWhen('Friday 17:30')).toEqual({ day: 5, hour: 17, minute: 30 })
    for (const bad of ['08:00', 'mon 25:00', 'xyz 08:00', 'mon 8'])
      expect(() => parseWeeklyWhen(bad)).toThrow('server.schedule.bad_when')
    expect(latestSlot(new Date('2024-06-03T08:00:00Z'), mon8).toISOString()).toBe('2024-06-03T08:00:00.000Z')
    expect(latestSlot(new Date('2024-06-03T07:59:59Z'), mon8).toISOString()).toBe('2024-05-27T08:00:00.000Z')
    expect(latestSlot(new Date('2024-06-09T23:00:00Z'), mon8).toISOString()).toBe('2024-06-03T08:00:00.000Z')
  })

  it('strata serve refuses a bad --weekly-report or STRATA_WEEKLY_REPORT as a usage error, in the user language', async () => {
    const flag = await cli(['--db', ':memory:', '--lang', 'zh-CN', 'serve', '--weekly-report', 'someday 8'])
    expect(flag.code).toBe(2)
    expect(flag.err).toContain('不是有效的每周时间')
    const env = await cli(['--db', ':memory:', 'serve'], { STRATA_WEEKLY_REPORT: 'mon 24:00' })
    expect(env.code).toBe(2)
    expect(env.err).toContain('not a weekly time: "mon 24:00"')
  })

  it('runs drift + report exactly once per slot, also across a restart; the next week runs again', async () => {
    const store = await openStore(':memory:')
    cleanup.push(() => store.close())
    await twoSnapshots(store)
    const t = await setup({}, store)
    const when = parseWeeklyWhen('mon 08:00')
    t.clock.now = new Date('2024-06-03T08:00:30Z')
    const first = await weeklyTick(t.server.ctx, when, 'en')
    expect(first).toMatchObject({ slot: '2024-06-03 08:00:00', ran: true, reportId: '1' })
    expect(first.alerts).toBeGreaterThan(0)
    t.clock.now = new Date('2024-06-03T08:01:30Z')
    expect((await weeklyTick(t.server.ctx, when, 'en')).ran).toBe(false)
    t.clock.now = new Date('2024-06-09T23:59:00Z')
    expect((await weeklyTick(t.server.ctx, when, 'en')).ran).toBe(false)
    await t.server.close()

    // A restart in the same week: the recorded run keeps it from running again.
    const again = await setup({}, store)
    again.clock.now = new Date('2024-06-05T12:00:00Z')
    expect((await weeklyTick(again.server.ctx, when, 'en')).ran).toBe(false)
    again.clock.now = new Date('2024-06-10T08:00:00Z')
    const next = await weeklyTick(again.server.ctx, when, 'en')
    expect(next).toMatchObject({ slot: '2024-06-10 08:00:00', ran: true, alerts: 0, reportId: '2' })
    const runs = await store.conn.all(
      sql`SELECT CAST(slot AS VARCHAR) AS slot, report_id FROM server_schedule_runs ORDER BY slot`,
    )
    expect(runs).toEqual([
      { slot: '2024-06-03 08:00:00', report_id: '1' },
      { slot: '2024-06-10 08:00:00', report_id: '2' },
    ])
    const reports = await store.conn.all(
      sql`SELECT report_id, CAST(as_of AS VARCHAR) AS as_of FROM reports ORDER BY 1`,
    )
    expect(reports).toEqual([
      { report_id: '1', as_of: '2024-06-03' },
      { report_id: '2', as_of: '2024-06-10' },
    ])
  })

  it('the server starts the schedule when enabled and queues new alerts for webhooks following *', async () => {
    const store = await openStore(':memory:')
    cleanup.push(() => store.close())
    await twoSnapshots(store)
    const plain = await withPeople(await setup({}, store))
    const rx = await receiver()
    await plain.as(plain.admin, { method: 'POST', url: '/api/webhooks', payload: { url: rx.url } })
    await plain.server.close()
    // Started at 09:00 on the Monday: the 08:00 slot has not run, so the first check runs it.
    const t = await setup({ weeklyReport: { when: 'mon 08:00', lang: 'en' } }, store)
    await t.server.close()
    const runs = await store.conn.all<{ alerts: number }>(sql`SELECT alerts FROM server_schedule_runs`)
    expect(runs).toHaveLength(1)
    const outbox = await store.conn.all<{ event: string; payload: string }>(
      sql`SELECT event, payload FROM server_webhook_outbox`,
    )
    expect(outbox).toHaveLength(Number(runs[0]!.alerts))
    expect(
      outbox.every((o) => o.event === 'alert.drift' && JSON.parse(o.payload).alert.snapshot_to === '2'),
    ).toBe(true)
    await expect(
      createServer({ store, options: { weeklyReport: { when: 'someday', lang: 'en' } } }),
    ).rejects.toThrow('server.schedule.bad_when')
  })
})
