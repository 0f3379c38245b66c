import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { importFile } from '../../src/ingest/import-file.js'
import type { Connection } from '../../src/sql/driver.js'
import { sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/store.js'
import { ENGINES } from '../support/engine-stores.js'
import { IMPORT_TABLES } from '../support/import-tables.js'
import { type Dump, dumpTables, normalise } from './dump-tables.js'
import { importSteps, type Step } from './import-steps.js'
import '../../src/i18n/messages/index.js'

/**
 * `strata import` on every engine: the same files (every kind and preset, Chinese text, a GBK file,
 * repeats, bad rows, identity merges by email and phone, a customers file that changes attributes)
 * imported into a fresh store; every stored row of every table must equal DuckDB's, importing them all
 * again must change nothing but `imports`, and the analysis of what was imported must be the same.
 */
const REJECTS = mkdtempSync(join(tmpdir(), 'strata-conformance-rejects-'))
afterAll(() => rmSync(REJECTS, { recursive: true, force: true }))

interface Outcome {
  readonly results: unknown[]
  readonly first: Dump
  readonly again: Dump
  readonly againResults: unknown[]
  readonly scores: Record<string, unknown>[]
}

const run = (conn: Connection, step: Step, at: string) => {
  const { at: _, ...options } = step
  return importFile(conn, { ...options, today: '2026-11-23', startedAt: at })
}

async function scenario(store: Store): Promise<Outcome> {
  const steps = importSteps(REJECTS)
  const results: unknown[] = []
  for (const step of steps) {
    const r = await run(store.conn, step, step.at)
    results.push({ status: r.status, report: r.report, problems: r.problems.map((p) => p.code) })
  }
  const first = await dumpTables(store.conn, IMPORT_TABLES)
  const againResults: unknown[] = []
  for (const step of steps) {
    const r = await run(store.conn, step, step.at.replace('10:', '11:'))
    againResults.push({ status: r.status, rows: r.report.rows, customers: r.report.customers })
  }
  const again = await dumpTables(store.conn, IMPORT_TABLES)
  await analyze(store.conn, { asOf: '2024-12-31' })
  const scores = await store.conn.all(sql`SELECT * FROM customer_scores ORDER BY customer_id`)
  return { results, first, again, againResults, scores }
}

const reference = (async () => {
  const store = await ENGINES[0]!.open()
  try {
    return await scenario(store)
  } finally {
    await store.close()
  }
})()

for (const engine of ENGINES) {
  const it = (name: string, fn: () => unknown) => test(`[${engine.name}] ${name}`, fn)
  describe(`[${engine.name}] import conformance`, () => {
    let outcome: Outcome
    beforeAll(async () => {
      if (engine.name === ENGINES[0]!.name) {
        outcome = await reference
        return
      }
      const store = await engine.open()
      try {
        outcome = await scenario(store)
      } finally {
        await store.close()
      }
    })

    it('imports every kind and preset with the reports DuckDB gives', async () => {
      expect(outcome.results).toEqual((await reference).results)
    })

    it('stores every row of every table as DuckDB does', async () => {
      const ref = await reference
      for (const table of IMPORT_TABLES) expect(outcome.first[table], table).toEqual(ref.first[table])
    })

    it('a second import of every file changes nothing but imports', async () => {
      for (const table of IMPORT_TABLES.filter((t) => t !== 'imports'))
        expect(outcome.again[table], table).toEqual(outcome.first[table])
      expect(outcome.againResults).toEqual((await reference).againResults)
    })

    it('analyzes the imported store to the same scores', async () => {
      const ref = await reference
      expect(outcome.scores.length).toBe(ref.scores.length)
      expect(outcome.scores.map((r) => normalise({ ...r, snapshot_id: null }))).toEqual(
        ref.scores.map((r) => normalise({ ...r, snapshot_id: null })),
      )
    })
  })
}
