import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/store.js'
import { cli } from '../support/run-cli.js'
import { loadFixture, SHOP } from './fixture.js'

let dir: string
let db: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strata-analytics-cli-'))
  db = join(dir, 'shop.duckdb')
  const store = await openStore(db)
  await loadFixture(store.conn, SHOP)
  await store.close()
})

describe('strata analyze / export scores / customer', () => {
  it('prints the segment table in each language and the same as JSON', async () => {
    const en = await cli(['analyze', '--as-of', '2024-07-01', '--db', db])
    expect(en.code).toBe(0)
    expect(en.out).toContain('Snapshot 1 as of 2024-07-01: 9 customers, 6 scored')
    expect(en.out).toMatch(/Champions\s+1\s+11\.1%\s+200\s+26\.7%/)
    expect(en.out).toContain('Cannot Lose Them')
    const zh = await cli(['analyze', '--as-of', '2024-07-01', '--db', db, '--lang', 'zh-CN'])
    expect(zh.out).toContain('冠军客户')
    expect(zh.out).toContain('忠实客户')
    const tw = await cli(['analyze', '--as-of', '2024-07-01', '--db', db, '--lang', 'zh-TW'])
    expect(tw.out).toContain('冠軍客戶')
    const json = JSON.parse((await cli(['analyze', '--as-of', '2024-07-01', '--db', db, '--json'])).out)
    expect(json.snapshotId).toBe('4')
    expect(json.summary.bySegment.find((g: { key: string }) => g.key === 'Champions')).toMatchObject({
      customers: 1,
      revenue: 200,
    })
    expect(json.summary.byLifecycle.map((g: { key: string }) => g.key)).toEqual([
      'Prospect',
      'New',
      'Repeat',
      'Loyal',
      'At-risk',
      'Churned',
    ])
  })

  it('reads a config file, reports its mistakes with the field path, and rejects bad flags', async () => {
    const good = join(dir, 'rules.json')
    writeFileSync(good, JSON.stringify({ lifecycle: { churnDays: 365 } }))
    const res = await cli(['analyze', '--as-of', '2024-07-01', '--db', db, '--config', good, '--json'])
    expect(JSON.parse(res.out).summary.byLifecycle.some((g: { key: string }) => g.key === 'Churned')).toBe(
      false,
    )
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ lifecycle: { churnDays: -1 }, rfm: { segments: { All: ['111'] } } }))
    const err = await cli(['analyze', '--db', db, '--config', bad])
    expect(err.code).toBe(2)
    expect(err.err).toContain('[lifecycle.churnDays]')
    expect(err.err).toContain('leaves these codes without a segment')
    expect((await cli(['analyze', '--db', db, '--as-of', '2024-13-01'])).code).toBe(2)
    expect((await cli(['analyze', '--db', db, '--as-of', '2000-01-01'])).code).toBe(3)
  })

  it('exports one row per customer as CSV to stdout, JSON and Parquet to files', async () => {
    const csv = await cli(['export', 'scores', '--snapshot', '1', '--db', db])
    expect(csv.code).toBe(0)
    const lines = csv.out.trim().split('\n')
    expect(lines[0]).toMatch(
      /^customer_id,recency_days,frequency,monetary,r,f,m,rfm_code,rfm_segment,lifecycle,value_tier,/,
    )
    expect(lines).toHaveLength(10)
    const out = join(dir, 'scores.json')
    expect((await cli(['export', 'scores', '--format', 'json', '--out', out, '--db', db])).code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(9)
    expect((await cli(['export', 'scores', '--format', 'parquet', '--db', db])).code).toBe(2)
    const pq = join(dir, 'scores.parquet')
    expect((await cli(['export', 'scores', '--format', 'parquet', '--out', pq, '--db', db])).code).toBe(0)
    expect((await cli(['export', 'scores', '--snapshot', '99', '--db', db])).code).toBe(4)
  })

  it('explains a customer: inputs, thresholds, code, lifecycle, tier and how to move up', async () => {
    const en = await cli(['customer', 'c2', '--snapshot', '1', '--db', db])
    expect(en.code).toBe(0)
    expect(en.out).toContain('F 1 because 0 of 6 scored customers bought fewer times')
    expect(en.out).toContain('F 3 needs ≥ 2 purchases')
    expect(en.out).toContain('Code 212 → segment Hibernating')
    expect(en.out).toContain('Lifecycle New: a single purchase, 30 days ago')
    expect(en.out).toContain('To reach')
    const zh = await cli(['customer', 'c4', '--snapshot', '1', '--db', db, '--lang', 'zh-CN'])
    expect(zh.out).toContain('已流失')
    const prospect = await cli(['customer', 'p1', '--snapshot', '1', '--db', db, '--lang', 'zh-TW'])
    expect(prospect.out).toContain('潛在客戶')
    const json = JSON.parse((await cli(['customer', 'c1', '--snapshot', '1', '--db', db, '--json'])).out)
    expect(json.code).toBe('454')
    expect((await cli(['customer', 'nobody', '--db', db])).code).toBe(4)
  })
})
