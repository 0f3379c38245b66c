import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './support/run-cli.js'

const db = () => join(mkdtempSync(join(tmpdir(), 'strata-cli-')), 'cli.duckdb')

describe('strata CLI', () => {
  it('prints help in the chosen language', async () => {
    const zh = await cli(['--lang', 'zh-CN', '--help'])
    expect(zh.code).toBe(0)
    expect(zh.out).toContain('精准客户分层')
    const tw = await cli(['--help'], { LANG: 'zh_TW.UTF-8' })
    expect(tw.out).toContain('精準客戶分層')
    const en = await cli(['--help'])
    expect(en.out).toContain('customer stratification')
  })

  it('exits 2 on an unknown command or language', async () => {
    expect((await cli(['no-such-command'])).code).toBe(2)
    const bad = await cli(['--lang', 'fr', 'status'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('unknown language "fr"')
  })

  it('reports an empty store as JSON, honouring --db and STRATA_DB', async () => {
    const path = db()
    const res = await cli(['status', '--json', '--db', path])
    expect(res.code).toBe(0)
    const json = JSON.parse(res.out)
    expect(json.db).toBe(path)
    expect(json.counts.orders).toBe(0)
    const viaEnv = await cli(['status', '--json'], { STRATA_DB: path })
    expect(JSON.parse(viaEnv.out).db).toBe(path)
  })
})

describe('strata quickstart', () => {
  it('loads the demo into an empty store, analyses it, and leaves an existing store as it is', async () => {
    const path = db()
    const first = await cli(['quickstart', '--customers', '1500', '--db', path])
    expect(first.code).toBe(0)
    expect(first.out).toContain('is empty: loading the demo')
    expect(first.out).toMatch(/Snapshot 1 as of 2026-06-30: 1,500 customers/)
    expect(first.out).toContain('Champions')
    const second = await cli(['quickstart', '--db', path, '--lang', 'zh-CN'])
    expect(second.code).toBe(0)
    expect(second.out).toMatch(/已有 [\d,]+ 笔订单/)
    expect(second.out).toMatch(/快照 2/)
    const status = JSON.parse((await cli(['status', '--json', '--db', path])).out)
    expect(status.counts.customers).toBe(1500)
  })
})
