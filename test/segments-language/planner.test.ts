import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileTree } from '../../src/segments/language/compile.js'
import { checkSegment, printSegment } from '../../src/segments/language/index.js'
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

async function run(text: string, snapshotId: string | null, naive: boolean): Promise<string[]> {
  const checked = checkSegment(text)
  if (!checked.ok) throw new Error(`${text}: ${JSON.stringify(checked.diagnostics)}`)
  const query = compileTree(checked.value.ast, store.conn.dialect, { asOf: AS_OF, snapshotId }, { naive })
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
