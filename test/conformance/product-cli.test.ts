import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startChdbHttpServer } from '../support/chdb-http-server.js'
import { cli } from '../support/run-cli.js'

/**
 * The product beyond analyze, through the CLI, on every engine: the same demo store, then tags, clusters,
 * persona cards, segments (create, refresh, overlap, members, export), recommendations, audiences,
 * migration, cohorts and KPIs. Each command's JSON must equal DuckDB's, except wall-clock stamps and
 * timings (dropped) and floats (to 1e-6 relative; money-rounded model outputs ±0.0001).
 * chdb binds one data directory per process: the embedded store and the HTTP endpoint share this one.
 */
const dir = mkdtempSync(join(tmpdir(), 'strata-ch-product-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Flags = () => string[]
const http = startChdbHttpServer(join(dir, 'ch'))
afterAll(async () => (await http).close())
let httpUrl = ''
const ENGINES: { name: string; flags: Flags }[] = [
  { name: 'duckdb', flags: () => ['--db', join(dir, 'store.duckdb')] },
  {
    name: 'clickhouse',
    flags: () => ['--engine', 'chdb', '--db', join(dir, 'ch'), '--database', 'embedded'],
  },
  {
    name: 'clickhouse-http',
    flags: () => ['--engine', 'clickhouse', '--url', httpUrl, '--database', 'overhttp'],
  },
]

/** The commands, in order; each step's output is compared. `text` steps print lines, not JSON. */
const STEPS: { name: string; args: string[]; text?: boolean; plain?: boolean }[] = [
  { name: 'demo', args: ['demo', '--customers', '250', '--json'] },
  { name: 'analyze (May)', args: ['analyze', '--as-of', '2026-05-31', '--json'] },
  { name: 'analyze (latest)', args: ['analyze', '--json'] },
  { name: 'tag refresh', args: ['tag', 'refresh', '--json'] },
  { name: 'tag list', args: ['tag', 'list', '--json'] },
  { name: 'tag explain', args: ['tag', 'explain', 'DC0000007', '--json'] },
  { name: 'cluster run', args: ['cluster', 'run', '--json'] },
  { name: 'cluster list', args: ['cluster', 'list', '--json'] },
  { name: 'segment create', args: ['segment', 'create', 'vip', '--definition', 'monetary > 500', '--json'] },
  {
    name: 'segment create (Chinese text)',
    args: ['segment', 'create', 'sh', '--definition', "city = '上海'", '--json'],
  },
  { name: 'segment refresh', args: ['segment', 'refresh', '--json'] },
  { name: 'segment overlap', args: ['segment', 'overlap', 'vip', 'sh', '--json'] },
  { name: 'segment members', args: ['segment', 'members', 'vip', '--json'] },
  { name: 'segment export', args: ['segment', 'export', 'vip', '--format', 'ndjson'], text: true },
  { name: 'persona card', args: ['persona', 'show', '--segment', 'vip', '--json'] },
  { name: 'recommend rules', args: ['recommend', 'rules', '--json'] },
  { name: 'recommend segment', args: ['recommend', 'segment', 'vip', '--json'] },
  { name: 'recommend customer', args: ['recommend', 'customer', 'DC0000007', '--json'] },
  {
    name: 'audience export',
    args: [
      'audience',
      'export',
      '--segment',
      'vip',
      '--format',
      'json',
      '--columns',
      'customer_id,city,rfm_segment',
    ],
    text: true,
  },
  { name: 'lookalike', args: ['lookalike', '--seed-segment', 'vip', '--limit', '20', '--json'] },
  { name: 'buyer persona define', args: ['persona', 'define', 'big', 'monetary > 1000', '--json'] },
  { name: 'buyer persona list', args: ['persona', 'list', '--json'] },
  {
    name: 'campaign create',
    args: [
      'campaign',
      'create',
      '--name',
      'spring',
      '--segment',
      'vip',
      '--start',
      '2026-05-01',
      '--end',
      '2026-05-31',
      '--json',
    ],
  },
  { name: 'campaign measure', args: ['campaign', 'measure', 'spring', '--json'] },
  { name: 'alerts check', args: ['alerts', 'check', '--json'] },
  { name: 'migration', args: ['migration', '--json'] },
  { name: 'cohorts', args: ['cohorts', '--json'] },
  { name: 'kpis', args: ['kpis', '--json'] },
  // A table (the command has no JSON form): compared as printed.
  { name: 'playbook communities', args: ['playbook', 'communities'], plain: true },
  // Last: it changes the store. The same rows leave every table; an access export then finds nothing.
  { name: 'access export', args: ['access-export', 'DC0000007'] },
  { name: 'erase', args: ['erase', 'DC0000007', '--json'] },
  { name: 'kpis after erase', args: ['kpis', '--json'] },
]

const VOLATILE = /(At|_at|^db|timings|Ms|^ms|seconds|elapsed)$/

/** Output with wall-clock stamps and timings removed, lines sorted for text output. */
function normalise(out: string, text: boolean | undefined): unknown {
  if (text) {
    const trimmed = out.trim()
    const parsed = trimmed.startsWith('[')
      ? (JSON.parse(trimmed) as unknown[])
      : trimmed.split('\n').map((l) => JSON.parse(l))
    return strip(parsed.map((r) => JSON.stringify(strip(r))).sort())
  }
  return strip(JSON.parse(out))
}
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip)
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !VOLATILE.test(k))
        .map(([k, x]) => [k, strip(x)]),
    )
  }
  return v
}

/** Equal, floats within 1e-6 relative (or ±0.0001: money-rounded model outputs may round the other way). */
function expectSame(got: unknown, want: unknown, where: string): void {
  if (
    typeof want === 'number' &&
    typeof got === 'number' &&
    !(Number.isInteger(want) && Number.isInteger(got))
  ) {
    expect(Math.abs(got - want), where).toBeLessThanOrEqual(Math.max(1.0001e-4, 1e-6 * Math.abs(want)))
  } else if (want !== null && typeof want === 'object' && got !== null && typeof got === 'object') {
    expect(Object.keys(got).sort(), where).toEqual(Object.keys(want).sort())
    for (const k of Object.keys(want)) {
      expectSame((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], `${where}.${k}`)
    }
  } else {
    expect(got, where).toEqual(want)
  }
}

const outputs = new Map<string, Map<string, { code: number; out: unknown; err: string }>>()

async function runAll(flags: string[]) {
  const got = new Map<string, { code: number; out: unknown; err: string }>()
  for (const step of STEPS) {
    const r = await cli([...step.args, ...flags])
    const out = r.code !== 0 ? null : step.plain ? r.out : normalise(r.out, step.text)
    got.set(step.name, { code: r.code, out, err: r.err })
  }
  return got
}

for (const engine of ENGINES) {
  describe(`[${engine.name}] the product on the same demo store`, () => {
    beforeAll(async () => {
      httpUrl = (await http).url
      outputs.set(engine.name, await runAll(engine.flags()))
    }, 600_000)

    for (const step of STEPS) {
      test(`[${engine.name}] ${step.name}`, () => {
        const got = outputs.get(engine.name)!.get(step.name)!
        expect(got.code, got.err).toBe(0)
        expectSame(got.out, outputs.get('duckdb')!.get(step.name)!.out, step.name)
      })
    }
  })
}
