import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import { sha256Hex } from '../../src/strategy/index.js'
import { cli } from '../support/run-cli.js'
import { loadBaskets } from './basket-fixture.js'

let dir: string
let db: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strata-strategy-cli-'))
  db = join(dir, 'shop.duckdb')
  const store = await openStore(db)
  await loadBaskets(store.conn)
  await analyze(store.conn, { asOf: '2026-02-01', createdAt: '2026-02-01 00:00:00' })
  await store.conn.run(sql`INSERT INTO segments (segment_id, name, kind, created_at, updated_at)
    VALUES ('vip', 'VIP', 'static', TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-02-01 00:00:00')`)
  await store.conn.run(sql`INSERT INTO segment_members (segment_id, customer_id, entered_at) VALUES
    ('vip', 'c1', TIMESTAMP '2026-02-01 00:00:00'), ('vip', 'c2', TIMESTAMP '2026-02-01 00:00:00')`)
  await store.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (...args: string[]) => cli([...args, '--db', db])

describe('strata playbook', () => {
  it('lists the 17 playbooks in each language, with the preset', async () => {
    const en = await run('playbook')
    expect(en.code).toBe(0)
    expect(en.out).toContain('Preset retail: value measure net spend.')
    expect(en.out).toContain('Cannot Lose Them')
    expect(en.out).toContain('At-risk (lifecycle)')
    const zh = await run('playbook', '--industry', 'social', '--lang', 'zh-CN')
    expect(zh.out).toContain('预设 社群团购')
    expect(zh.out).toContain('团长激励')
    const tw = await run('playbook', 'list', '--lang', 'zh-TW')
    expect(tw.out).toContain('冠軍客戶')
    const json = JSON.parse((await run('playbook', 'list', '--json')).out)
    expect(json.playbooks).toHaveLength(17)
  })

  it('shows one playbook under a preset, as text or JSON', async () => {
    const shown = await run('playbook', 'show', 'At Risk', '--industry', 'finance')
    expect(shown.code).toBe(0)
    expect(shown.out).toContain('Relationship manager call')
    expect(shown.out).toContain('value measure assets (attributes.assets)')
    const json = JSON.parse(
      (await run('playbook', 'show', 'lifecycle:churned', '--json', '--industry', 'healthcare')).out,
    )
    expect(json.playbook).toMatchObject({
      id: 'lifecycle:Churned',
      industry: 'healthcare',
      intent: 'winback',
    })
    expect((await run('playbook', 'show', 'VIPs')).code).toBe(4)
  })

  it('edits from flags and from a YAML file, checks them, and resets', async () => {
    const flags = await run(
      'playbook',
      'edit',
      'Champions',
      '--offer',
      'Free engraving',
      '--action',
      'Call',
      '--action',
      'Thank',
    )
    expect(flags.code).toBe(0)
    expect(flags.out).toContain('Offer (edited): Free engraving')
    const yaml = join(dir, 'edit.yaml')
    writeFileSync(yaml, 'zh-CN:\n  offer: 满 ¥500 送礼盒\n  kpi: 复购率\n')
    expect((await run('playbook', 'edit', '冠军客户', '--file', yaml)).code).toBe(0)
    const zh = await run('playbook', 'show', 'Champions', '--lang', 'zh-CN')
    expect(zh.out).toContain('满 ¥500 送礼盒')
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ en: { ofer: 'x' } }))
    const rejected = await run('playbook', 'edit', 'Champions', '--file', bad)
    expect(rejected.code).toBe(3)
    expect(rejected.err).toContain('bad.json [en.ofer]')
    expect(rejected.err).toContain('unknown playbook field "ofer"')
    expect((await run('playbook', 'edit', 'Champions')).code).toBe(2)
    const reset = await run('playbook', 'reset', 'Champions')
    expect(reset.out).toContain('2 edit(s) removed')
    expect((await run('playbook', 'show', 'Champions')).out).not.toContain('(edited)')
  })

  it('gives the next action for a customer', async () => {
    const text = await run('playbook', 'for', 'c1')
    expect(text.code).toBe(0)
    expect(text.out).toContain('Customer c1:')
    expect(text.out).toContain('Next action:')
    const c2 = await run('playbook', 'for', 'c2', '--lang', 'zh-CN')
    expect(c2.out).toContain('未授权营销')
    const json = JSON.parse((await run('playbook', 'for', 'c3', '--industry', 'healthcare', '--json')).out)
    expect(json).toMatchObject({ customerId: 'c3', valueMeasure: 'visits', value: 3 })
    expect((await run('playbook', 'for', 'nobody')).code).toBe(4)
  })

  it('chooses the store preset and writes its analysis settings', async () => {
    const config = join(dir, 'strata.config.json')
    writeFileSync(config, JSON.stringify({ rfm: { bins: 4 } }))
    const set = await run('playbook', 'industry', 'finance', '--write-config', config)
    expect(set.code).toBe(0)
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({
      rfm: { bins: 4 },
      lifecycle: { churnDays: 365, oneTimeAtRiskDays: 180 },
    })
    expect((await run('playbook')).out).toContain('Preset finance')
    expect((await run('playbook', 'industry', 'banking')).code).toBe(2)
    await run('playbook', 'industry', 'retail')
  })
})

describe('strata recommend', () => {
  it('rules: the hand-computed five, stored', async () => {
    const args = [
      'recommend',
      'rules',
      '--min-support',
      '0.2',
      '--min-count',
      '3',
      '--min-confidence',
      '0',
      '--min-lift',
      '1.1',
    ]
    const json = JSON.parse((await run(...args, '--json')).out)
    expect(json.count).toBe(5)
    expect(json.baskets).toBe(10)
    expect(json.rules[0]).toMatchObject({ antecedent: ['A', 'B'], consequent: 'C', bothCount: 3 })
    const text = await run(...args, '--lang', 'zh-CN')
    expect(text.out).toContain('A product A + B product B')
    expect(text.out).toContain('已保存 5 条规则')
    expect((await run('recommend', 'rules', '--min-support', '2')).code).toBe(2)
  })

  it('together, customer and segment', async () => {
    const together = await run('recommend', 'together', 'product A', '--min-count', '1')
    expect(together.code).toBe(0)
    expect(together.out).toContain('(7 of 10 baskets)')
    expect(together.out).toMatch(/B product B\s+5\s+71\.43%\s+1\.02/)
    expect((await run('recommend', 'together', 'Z9')).code).toBe(4)
    const customer = JSON.parse((await run('recommend', 'customer', 'c3', '--json')).out)
    expect(customer.products.map((p: { item: string }) => p.item)).toEqual(['C'])
    expect((await run('recommend', 'customer', 'nobody')).code).toBe(4)
    const segment = await run('recommend', 'segment', 'VIP', '--min-count', '2')
    expect(segment.code).toBe(0)
    expect(segment.out).toContain('Cross-sell for VIP (6 baskets)')
    expect((await run('recommend', 'segment', 'nobody')).code).toBe(4)
  })
})

describe('strata audience', () => {
  it('exports a saved segment for ads: hashed, consenting only, recorded', async () => {
    const out = join(dir, 'vip-ads.csv')
    const res = await cli(
      ['audience', 'export', '--segment', 'VIP', '--format', 'ads', '--out', out, '--db', db],
      {
        STRATA_USER: 'mia',
      },
    )
    expect(res.code).toBe(0)
    expect(res.err).toContain('Exported 1 hashed identifiers')
    expect(res.err).toContain('1 left out without marketing consent')
    expect(readFileSync(out, 'utf8')).toBe(
      `email_sha256,phone_sha256\n${sha256Hex('li.wei@example.com')},${sha256Hex('+8613800138000')}\n`,
    )
    const history = JSON.parse((await run('audience', 'history', '--json')).out)
    expect(history.exports[0]).toMatchObject({
      actor: 'mia',
      selection: 'vip',
      format: 'ads',
      rows: 1,
      withoutConsent: 1,
    })
  })

  it('CSV to stdout with chosen columns; an RFM segment or lifecycle stage; errors', async () => {
    const csv = await run(
      'audience',
      'export',
      '--segment',
      'VIP',
      '--columns',
      'customer_id,city,rfm_segment',
    )
    expect(csv.out.split('\n')[0]).toBe('customer_id,city,rfm_segment')
    expect(csv.out).not.toContain('c2')
    const stage = await run(
      'audience',
      'export',
      '--lifecycle',
      'Repeat',
      '--format',
      'json',
      '--columns',
      'customer_id',
    )
    expect(stage.code).toBe(0)
    expect(JSON.parse(stage.out).map((r: { customer_id: string }) => r.customer_id)).not.toContain('c2')
    expect(
      (await run('audience', 'export', '--segment', 'VIP', '--columns', 'customer_id,password')).code,
    ).toBe(2)
    const two = await run('audience', 'export', '--segment', 'VIP', '--rfm', 'Lost', '--lang', 'zh-TW')
    expect(two.code).toBe(2)
    expect(two.err).toContain('請在 --segment、--rfm、--lifecycle 中只選一個')
    expect((await run('audience', 'export', '--rfm', 'Legends')).code).toBe(2)
    expect((await run('audience', 'export', '--segment', 'nobody')).code).toBe(4)
  })
})
