import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AnalyzeResult, analyze } from '../../src/analytics/index.js'
import { runCli } from '../../src/cli/program.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'

/** The UCI Online Retail file (DESIGN data, CC0/CC BY 4.0), read in place — never copied into the repo. */
const FILE = join(import.meta.dirname, '../../../shared/data/online-retail/online_retail.csv.gz')

const sink = () => new Writable({ write: (_c, _e, done) => done() })

let store: Store
let result: AnalyzeResult
beforeAll(async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'strata-uci-')), 'uci.duckdb')
  const code = await runCli(
    ['import', 'orders', FILE, '--preset', 'line-items', '--db', db],
    {},
    { out: sink(), err: sink() },
  )
  expect(code).toBe(0)
  store = await openStore(db)
  result = await analyze(store.conn, { asOf: '2011-12-10' })
}, 240_000)
afterAll(() => store?.close())

describe('UCI Online Retail, asOf 2011-12-10', () => {
  it('scores every customer with a purchase and gives each a segment', async () => {
    expect(result.summary.customers).toBe(4372)
    const buyers = await store.conn.one<{ n: number }>(sql`
      SELECT count(DISTINCT customer_id) AS n FROM orders
      WHERE customer_id IS NOT NULL AND amount > 0 AND coalesce(status, '') NOT IN ('cancelled', 'refunded')`)
    expect(result.summary.scored).toBe(buyers!.n)
    const rows = await store.conn.one<Record<string, number>>(sql`
      SELECT count(*) AS n, count(r) AS scored, count(rfm_segment) AS segmented,
        count(*) FILTER (WHERE r NOT BETWEEN 1 AND 5 OR f NOT BETWEEN 1 AND 5 OR m NOT BETWEEN 1 AND 5) AS out_of_range,
        count(*) FILTER (WHERE r IS NULL AND lifecycle <> 'Prospect') AS unscored_not_prospect
      FROM customer_scores WHERE snapshot_id = ${result.snapshotId}`)
    expect(rows).toEqual({
      n: 4372,
      scored: buyers!.n,
      segmented: buyers!.n,
      out_of_range: 0,
      unscored_not_prospect: 0,
    })
  })

  it('sums monetary to the raw file: Σ quantity × unit price over rows with a customer id', async () => {
    const raw = await store.conn.one<{ s: number }>(sql`
      SELECT sum(CAST(Quantity AS DECIMAL(18,4)) * CAST(UnitPrice AS DECIMAL(18,4))) AS s
      FROM read_csv(${FILE}) WHERE CustomerID IS NOT NULL`)
    const stored = await store.conn.one<{ s: number }>(
      sql`SELECT sum(monetary) AS s FROM customer_scores WHERE snapshot_id = ${result.snapshotId}`,
    )
    expect(stored!.s).toBe(raw!.s)
    expect(result.summary.revenue).toBeCloseTo(8300065.814, 3)
  })

  it('keeps all 11 segments populated and shares summing to 100%', () => {
    const named = result.summary.bySegment.filter((g) => g.key !== null)
    expect(named).toHaveLength(11)
    const total = result.summary.bySegment.reduce((s, g) => s + g.pctCustomers, 0)
    expect(total).toBeCloseTo(1, 10)
  })
})
