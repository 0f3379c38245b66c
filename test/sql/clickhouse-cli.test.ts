import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from '../support/run-cli.js'

// This file drives chdb only through the CLI (one data directory per process: see engine-stores.ts).
const dir = mkdtempSync(join(tmpdir(), 'strata-ch-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('engine selection and strata init', () => {
  it('prints the sharded ClickHouse DDL for a cluster without connecting', async () => {
    const r = await cli([
      'init',
      '--print',
      '--engine',
      'clickhouse',
      '--url',
      'http://ch:8123',
      '--cluster',
      'retail',
    ])
    expect(r.code).toBe(0)
    expect(r.out).toContain('CREATE TABLE IF NOT EXISTS `orders_local` ON CLUSTER `retail` (')
    expect(r.out).toContain('ENGINE = MergeTree ORDER BY (`customer_id`, `ordered_at`)')
    expect(r.out).toContain(
      'ENGINE = Distributed(`retail`, currentDatabase(), `orders_local`, cityHash64(`customer_id`));',
    )
    expect(r.out).toContain(
      'ENGINE = Distributed(`retail`, currentDatabase(), `customer_scores_local`, cityHash64(`customer_id`));',
    )
  })

  it('prints DuckDB DDL by default and refuses a ClickHouse engine without an address', async () => {
    const r = await cli(['init', '--print', '--json'])
    expect(JSON.parse(r.out).engine).toBe('duckdb')
    expect(JSON.parse(r.out).statements[0]).toMatch(/^CREATE TABLE IF NOT EXISTS "schema_migrations"/)
    const bad = await cli(['status', '--engine', 'clickhouse', '--lang', 'zh-CN'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('STRATA_CLICKHOUSE_URL')
    const unknown = await cli(['status'], { STRATA_ENGINE: 'oracle' })
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('unknown engine "oracle"')
  })

  it('creates the schema on embedded ClickHouse, then demo + analyze give the same segments as DuckDB', async () => {
    const ch = ['--engine', 'chdb', '--db', join(dir, 'ch')]
    const init = await cli(['init', ...ch, '--json'])
    expect(init.code).toBe(0)
    expect(JSON.parse(init.out)).toMatchObject({ engine: 'chdb', tables: expect.any(Number) })
    const duck = ['--db', join(dir, 'd.duckdb')]
    const env = { STRATA_CLICKHOUSE_DATABASE: 'shop' }
    for (const flags of [ch, duck]) {
      expect((await cli(['demo', ...flags, '--customers', '600', '--json'], env)).code).toBe(0)
    }
    const [a, b] = await Promise.all([ch, duck].map((f) => cli(['analyze', ...f, '--json'], env)))
    expect(a!.code).toBe(0)
    const summary = (text: string) => JSON.parse(text).summary
    expect(JSON.parse(a!.out).summary.bySegment.length).toBeGreaterThan(5)
    expect(JSON.stringify(summary(a!.out).bySegment.map((s: { customers: number }) => s.customers))).toBe(
      JSON.stringify(summary(b!.out).bySegment.map((s: { customers: number }) => s.customers)),
    )
    const status = await cli(['status', ...ch, '--json'], env)
    expect(JSON.parse(status.out).db).toBe(`chdb:${join(dir, 'ch')}#shop`)
  })
})
