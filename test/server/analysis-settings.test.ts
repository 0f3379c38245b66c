import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadAnalysisConfig } from '../../src/analytics/index.js'
import { allCodes, DEFAULT_SEGMENT_MAP } from '../../src/analytics/rfm-segment-map.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import { tenCustomers } from './fixture.js'
import { type Session, testServer } from './support.js'

// A store in a folder (the settings live in strata.config.json beside it, where `strata analyze` reads them).
const dir = mkdtempSync(join(tmpdir(), 'strata-settings-'))
const file = join(dir, 'strata.config.json')
let t: Awaited<ReturnType<typeof testServer>> & { admin: Session; analyst: Session; viewer: Session }
beforeAll(async () => {
  // Something the editor does not touch, which a save must keep.
  writeFileSync(file, JSON.stringify({ features: { preferenceDays: 200 } }))
  const store = await openStore(join(dir, 'strata.duckdb'))
  const s = await testServer({}, store)
  await tenCustomers(s.store)
  t = { ...s, ...(await s.people()) }
})
afterAll(async () => {
  await t.server.close()
  await t.store.close()
  rmSync(dir, { recursive: true, force: true })
})

const put = (who: Session, payload: unknown, lang = 'en') =>
  t.as(who, { method: 'PUT', url: `/api/settings/analysis?lang=${lang}`, payload: payload as object })

describe('analysis settings routes', () => {
  it('admins only; the current map, rules and defaults', async () => {
    for (const who of [t.viewer, t.analyst]) {
      expect((await t.as(who, { method: 'GET', url: '/api/settings/analysis' })).statusCode).toBe(403)
      expect((await put(who, { lifecycle: { churnDays: 100 } })).statusCode).toBe(403)
    }
    const r = await t.as(t.admin, { method: 'GET', url: '/api/settings/analysis' })
    expect(r.statusCode).toBe(200)
    const body = r.json()
    expect(body.saved).toBe(true)
    expect(body.codes).toEqual(allCodes(5))
    expect(body.rfm.segments).toEqual(DEFAULT_SEGMENT_MAP)
    expect(body.lifecycle.churnDays).toBe(180)
    expect(body.defaults.valueTiers).toEqual({ basis: 'monetary', high: 0.2, potential: 0.5, regular: 0.8 })
  })

  it('a map with a repeated and a missing code is refused with both codes named, in the caller’s language; nothing saved', async () => {
    const map = Object.fromEntries(Object.entries(DEFAULT_SEGMENT_MAP).map(([k, v]) => [k, [...v]]))
    // 555 moved into Lost as well (repeated), 111 dropped from Lost (missing).
    map['Lost'] = [...map['Lost']!.filter((c) => c !== '111'), '555']
    const before = readFileSync(file, 'utf8')
    const en = await put(t.admin, { rfm: { segments: map } })
    expect(en.statusCode).toBe(400)
    const details = en.json().error.details as { code: string; path: string; message: string }[]
    expect(details.map((d) => d.code).sort()).toEqual([
      'analytics.segment_map.duplicate',
      'analytics.segment_map.missing',
    ])
    expect(details.find((d) => d.code === 'analytics.segment_map.duplicate')!.message).toContain('555')
    expect(details.find((d) => d.code === 'analytics.segment_map.missing')!.message).toContain('111')
    expect(details.every((d) => d.path === 'rfm.segments')).toBe(true)
    const zh = await put(t.admin, { rfm: { segments: map } }, 'zh-CN')
    expect(zh.json().error.details[0].message).toMatch(/[\u4e00-\u9fff]/)
    const rules = await put(t.admin, { lifecycle: { churnDays: 0 }, valueTiers: { high: 0.9 } })
    expect(rules.statusCode).toBe(400)
    expect(
      rules
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['lifecycle.churnDays', 'valueTiers'])
    const shape = await put(t.admin, { lifecycle: { churnDays: 'soon' } })
    expect(shape.statusCode).toBe(400)
    expect(shape.json().error.details[0].path).toBe('body.lifecycle.churnDays')
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('a saved map and rules are what the next analysis (POST /api/analyze, and the CLI’s loader) uses', async () => {
    // Every code → Champions; churn after 400 days; the file keeps its other settings.
    const r = await put(t.admin, {
      rfm: { segments: { Champions: allCodes(5) } },
      lifecycle: { churnDays: 400, loyal: { minOrders: 5 } },
    })
    expect(r.statusCode).toBe(200)
    expect(r.json().rfm.segments).toEqual({ Champions: allCodes(5) })
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(saved.features).toEqual({ preferenceDays: 200 })
    expect(saved.lifecycle).toEqual({ churnDays: 400, loyal: { minOrders: 5 } })
    const cli = loadAnalysisConfig(join(dir, 'strata.duckdb'))
    expect(cli.rfm.segments).toEqual({ Champions: allCodes(5) })
    expect(cli.lifecycle.churnDays).toBe(400)
    expect(cli.lifecycle.loyal).toEqual({ minOrders: 5, minR: 4, minF: 4 })

    const run = await t.as(t.analyst, {
      method: 'POST',
      url: '/api/analyze?wait=true',
      payload: { asOf: '2024-02-01', models: false },
    })
    expect(run.statusCode).toBe(200)
    const rows = await t.store.conn.all<{ rfm_segment: string; n: number }>(sql`
      SELECT rfm_segment, count(*) AS n FROM customer_scores
      WHERE snapshot_id = (SELECT CAST(max(CAST(snapshot_id AS INTEGER)) AS VARCHAR) FROM snapshots)
      GROUP BY rfm_segment`)
    expect(rows.map((x) => [x.rfm_segment, Number(x.n)])).toEqual([['Champions', 10]])
    // Loyal now needs 5 orders: c01…c04 (1–4 orders) cannot be Loyal.
    const loyal = await t.store.conn.all<{ customer_id: string }>(sql`
      SELECT customer_id FROM customer_scores
      WHERE snapshot_id = (SELECT CAST(max(CAST(snapshot_id AS INTEGER)) AS VARCHAR) FROM snapshots)
        AND lifecycle = 'Loyal' ORDER BY customer_id`)
    expect(loyal.every((x) => Number(x.customer_id.slice(1)) >= 5)).toBe(true)
  })

  it('a store in memory has nowhere to save: 409 with the reason', async () => {
    const s = await testServer()
    const people = await s.people()
    const r = await s.as(people.admin, { method: 'PUT', url: '/api/settings/analysis', payload: {} })
    expect(r.statusCode).toBe(409)
    expect(r.json().error.code).toBe('web.settings.no_file')
    await s.server.close()
    await s.store.close()
  })
})
