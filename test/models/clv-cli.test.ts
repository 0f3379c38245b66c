import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli as runCli } from '../support/run-cli.js'
import '../../src/models/backtest-store.js'
import { cdnowStore } from './cdnow-fixture.js'

const cli = (db: string, ...argv: string[]) => runCli(['--db', db, ...argv])

const CAL = ['--calibration-end', '1997-09-30', '--include-zero-amount']
let db: string
beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'strata-clv-')), 'cdnow.duckdb')
  const store = await cdnowStore(db)
  await store.close()
})

describe('strata clv / backtest / export clv', () => {
  it('clv fit --json prints parameters, standard errors and log-likelihoods', async () => {
    const r = await cli(db, 'clv', 'fit', ...CAL, '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out)
    expect(json.customers).toBe(2357)
    expect(json.models.bgnbd.params.r).toBeCloseTo(0.2426, 4)
    expect(json.models.pareto.logLikelihood).toBeCloseTo(-9594.98, 1)
    expect(json.models.gg.params.p).toBeCloseTo(6.25, 2)
  })

  it('clv fit in Chinese; refusal exits 3 with a translated message', async () => {
    const r = await cli(db, '--lang', 'zh-CN', 'clv', 'fit', ...CAL, '--model', 'bgnbd')
    expect(r.code).toBe(0)
    expect(r.out).toContain('对数似然')
    const refused = await cli(db, '--lang', 'zh-TW', 'clv', 'fit', '--calibration-end', '1997-01-01')
    expect(refused.code).toBe(3)
    expect(refused.err).toContain('同一天')
    const bad = await cli(db, 'clv', 'fit', '--calibration-end', '1997-13-01')
    expect(bad.code).toBe(2)
  })

  it('clv predict shows customer 1516', async () => {
    const r = await cli(db, 'clv', 'predict', '--customer', '1516', '--horizon', '52', ...CAL, '--json')
    expect(r.code).toBe(0)
    const p = JSON.parse(r.out)
    expect(p.bgnbd.expectedPurchases).toBeCloseTo(25.757, 2)
    expect(p.pareto.pAlive).toBeCloseTo(0.9979, 3)
    const missing = await cli(db, 'clv', 'predict', '--customer', 'nobody', ...CAL)
    expect(missing.code).toBe(4)
  })

  it('backtest prints, returns JSON and is stored', async () => {
    const r = await cli(db, 'backtest', ...CAL, '--holdout-end', '1998-06-30', '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out)
    expect(json.totals.predictedBgnbd).toBeCloseTo(1653.4, 1)
    expect(json.backtestId).toBe('bt-1997-09-30-1998-06-30-week-1')
    const text = await cli(db, '--lang', 'zh-CN', 'backtest', ...CAL, '--holdout-end', '1998-06-30')
    expect(text.out).toContain('十分位')
    expect(text.out).toContain('bt-1997-09-30-1998-06-30-week-2')
  })

  it('export clv writes one row per customer', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'strata-clv-out-')), 'clv.csv')
    const r = await cli(db, 'export', 'clv', ...CAL, '--out', file)
    expect(r.code).toBe(0)
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(2358)
    expect(lines[0]).toContain('clv_12m')
  })
})
