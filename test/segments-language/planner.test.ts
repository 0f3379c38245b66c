import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileTree } from '../../src/segments/language/compile.js'
import {
  checkSegment,
  type Population,
  printSegment,
  readColumns,
} from '../../src/segments/language/index.js'
import { ident, join, sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/store.js'
import { Generator, prng } from './generate.js'
import { AS_OF, openFixtureStore } from './store-fixture.js'

/**
 * The planner turns required sources into inner joins, may drive the query from a behaviour scan and
 * narrows scans to candidates. None of that may change a result: compare it with the reference plan
 * (whole population, left joins only) on random definitions over the fixture's own values.
 */
let store: Store
beforeAll(async () => {
  store = await openFixtureStore()
})
afterAll(async () => {
  await store.close()
})

async function run(
  text: string,
  snapshotId: string | null,
  naive: boolean,
  population?: Population,
): Promise<string[]> {
  const checked = checkSegment(text)
  if (!checked.ok) throw new Error(`${text}: ${JSON.stringify(checked.diagnostics)}`)
  const query = compileTree(
    checked.value.ast,
    store.conn.dialect,
    { asOf: AS_OF, snapshotId, ...(population ? { population } : {}) },
    { naive },
  )
  const rows = await store.conn.all<{ customer_id: string }>(query)
  return rows.map((r) => r.customer_id).sort()
}

describe('planner', () => {
  for (const snapshotId of ['7', null]) {
    it(`selects the same customers as the reference plan (250 random definitions, snapshot ${snapshotId})`, async () => {
      const g = new Generator(prng(snapshotId ? 11 : 12), true)
      let nonEmpty = 0
      for (let i = 0; i < 250; i++) {
        const text = printSegment(
          i % 2
            ? g.expr()
            : { kind: 'and', items: [g.leaf(), g.leaf(), g.expr(2)], span: { start: 0, end: 0 } },
        )
        if (!checkSegment(text).ok) continue
        const planned = await run(text, snapshotId, false)
        expect(planned, text).toEqual(await run(text, snapshotId, true))
        if (planned.length > 0) nonEmpty++
      }
      expect(nonEmpty).toBeGreaterThan(40)
    })
  }
})

// The customers of the fixture (a1–a5), the snapshot-only prospect s9, and ids the store has never seen.
const IDS = ['a1', 'a2', 'a3', 'a4', 'a5', 's9', 'zz', 'a1 ']

describe('planner with a population (live re-evaluation of touched customers)', () => {
  for (const snapshotId of ['7', null]) {
    it(`answers exactly the full result within the population (200 random definitions × subsets, snapshot ${snapshotId})`, async () => {
      const g = new Generator(prng(snapshotId ? 21 : 22), true)
      const pick = prng(snapshotId ? 31 : 32)
      let restricted = 0
      for (let i = 0; i < 200; i++) {
        const text = printSegment(
          i % 2
            ? g.expr()
            : { kind: 'and', items: [g.leaf(), g.leaf(), g.expr(2)], span: { start: 0, end: 0 } },
        )
        const checked = checkSegment(text)
        if (!checked.ok) continue
        // A random subset, with a repeated id (the population may name a customer twice).
        const subset = IDS.filter(() => pick() < 0.45)
        const ids = subset.length ? [...subset, subset[0]!] : ['zz']
        const ids_ = join(
          ids.map((id) => sql`SELECT ${id} AS customer_id`),
          ' UNION ALL ',
        )
        // Every other definition reads the population's rows from tables filled once (as the live
        // applier does), the others cut the big tables down themselves.
        let population: Population = { ids: ids_ }
        if (i % 2) {
          // Narrow copies: just the keys and the columns `readColumns` says the definition reads.
          const d = store.conn.dialect
          const cols = readColumns(checked.value.ast)
          const list = (keys: string[], more: Set<string>) =>
            join([...new Set([...keys, ...more])].map((c) => sql`${ident(c)}`))
          await store.conn.run(sql`${d.replaceTempTable('pop_customers')} AS
            SELECT ${list(['customer_id'], cols.customers)} FROM customers WHERE customer_id IN (${ids_})`)
          await store.conn.run(sql`${d.replaceTempTable('pop_scores')} AS
            SELECT ${list(['snapshot_id', 'customer_id'], cols.customer_scores)} FROM customer_scores
            WHERE customer_id IN (${ids_})`)
          population = {
            ...population,
            customers: sql`${ident('pop_customers')}`,
            scores: sql`${ident('pop_scores')}`,
          }
        }
        const full = await run(text, snapshotId, true)
        const expected = full.filter((id) => ids.includes(id))
        expect(await run(text, snapshotId, false, population), text).toEqual(expected)
        expect(await run(text, snapshotId, true, population), `${text} (reference plan)`).toEqual(expected)
        if (expected.length > 0 && expected.length < full.length) restricted++
      }
      // The subsets really cut results down (not only empty or whole answers).
      expect(restricted).toBeGreaterThan(20)
    })
  }
})
