import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../support/run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'strata-eval-cli-'))
const db = join(dir, 'store.duckdb')
const run = (...args: string[]) => cli([...args, '--db', db])

beforeAll(async () => {
  expect((await run('demo', '--customers', '400')).code).toBe(0)
  expect((await run('analyze', '--as-of', '2026-04-01', '--no-models')).code).toBe(0)
  expect((await run('analyze', '--as-of', '2026-06-01', '--no-models')).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('evaluation commands', () => {
  it('migration: a matrix whose rows add up, in three languages and JSON', async () => {
    const en = await run('migration')
    expect(en.code).toBe(0)
    expect(en.out).toContain('upgraded')
    expect((await run('migration', '--lang', 'zh-CN')).out).toContain('升级')
    expect((await run('migration', '--by', 'lifecycle', '--lang', 'zh-TW')).out).toContain('升級')
    const json = JSON.parse((await run('migration', '--json')).out)
    expect(json.from.snapshotId).toBe('1')
    const total = Object.values(json.rowTotals as Record<string, number>).reduce((a, b) => a + b, 0)
    expect(total).toBe(json.cells.reduce((s: number, c: { customers: number }) => s + c.customers, 0))
  })

  it('cohorts, kpis, alerts', async () => {
    expect((await run('cohorts', '--months', '6')).out).toMatch(/M5/)
    expect((await run('cohorts', '--metric', 'repeat', '--lang', 'zh-CN')).out).toContain('已复购')
    const kpis = JSON.parse((await run('kpis', '--json')).out)
    expect(kpis).toHaveLength(2)
    expect((await run('alerts', 'check', '--threshold', '0.01', '--min-customers', '5')).out).toMatch(
      /new alerts/,
    )
    expect((await run('alerts', 'list', '--lang', 'zh-TW')).code).toBe(0)
    const bad = await run('alerts', 'check', '--threshold', 'much')
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--threshold')
  })

  it('campaign mde: the calculator', async () => {
    const r = JSON.parse(
      (await run('campaign', 'mde', '--baseline', '10%', '--audience', '7678', '--holdout', '50%', '--json'))
        .out,
    )
    // 3,839 per group detect 10% → 12% (see stats.test.ts); the MDE at that size is just under 2 points.
    expect(r.holdout).toBe(3839)
    expect(r.mde).toBeGreaterThan(0.019)
    expect(r.mde).toBeLessThan(0.02)
    expect(r.perGroupFor[1]).toEqual({ lift: 0.02, perGroup: 3839 })
    expect(
      (await run('campaign', 'mde', '--baseline', '0.1', '--audience', '1000', '--lang', 'zh-CN')).out,
    ).toContain('最小提升')
    expect((await run('campaign', 'mde', '--baseline', '150%', '--audience', '1000')).code).toBe(2)
  })

  it('campaign plan / create / list / export / measure, and errors', async () => {
    const plan = await run(
      'campaign',
      'plan',
      '--name',
      'x',
      '--rfm-segment',
      'At Risk',
      '--holdout',
      '20%',
      '--start',
      '2026-06-01',
      '--end',
      '2026-06-28',
    )
    expect(plan.code).toBe(0)
    expect(plan.out).toContain('minimum detectable lift')
    const create = await run(
      'campaign',
      'create',
      '--name',
      'x',
      '--lifecycle',
      'At-risk',
      '--holdout',
      '50',
      '--start',
      '2026-06-01',
      '--end',
      '2026-06-28',
      '--json',
    )
    expect(JSON.parse(create.out).campaignId).toBe('1')
    expect((await run('campaign', 'list')).out).toContain('x')
    const out = join(dir, 't.csv')
    const exp = await run('campaign', 'export', 'x', '--out', out)
    expect(exp.code).toBe(0)
    const m = await run('campaign', 'measure', 'x', '--lang', 'zh-CN')
    expect(m.code).toBe(0)
    expect(m.out).toMatch(/活动|样本太小|未发现效果|活动有效/)
    expect((await run('campaign', 'measure', 'nope')).code).toBe(4)
    expect(
      (
        await run(
          'campaign',
          'plan',
          '--name',
          'y',
          '--rfm-segment',
          'Lost',
          '--holdout',
          '120%',
          '--start',
          '2026-06-01',
          '--end',
          '2026-06-28',
        )
      ).code,
    ).toBe(2)
    expect(
      (await run('campaign', 'plan', '--name', 'y', '--start', '2026-06-01', '--end', '2026-06-28')).code,
    ).toBe(2)
  })
})
