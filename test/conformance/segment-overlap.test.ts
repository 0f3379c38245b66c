import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSegment, segmentOverlap } from '../../src/segments/index.js'
import type { Store } from '../../src/store/store.js'
import { setCities } from '../segments/helpers.js'
import { ENGINES } from '../support/engine-stores.js'

/**
 * The overlap matrix (Dialect.pairOverlap: a self-join on DuckDB, per-customer arrays on ClickHouse) on
 * every engine, against counts worked out by hand: a, b in Shanghai, c in Beijing, d without a city.
 */
const NOW = '2026-06-01 06:00:00'
const CTX = { asOf: '2026-06-01', snapshotId: null }

for (const engine of ENGINES) {
  describe(`[${engine.name}] segment overlap`, () => {
    let store: Store
    beforeAll(async () => {
      store = await engine.open()
      await setCities(store.conn, { a: '上海', b: '上海', c: '北京', d: null })
      for (const [name, definition] of [
        ['sh', "city = '上海'"],
        ['bj', "city = '北京'"],
        ['known', 'city IS NOT NULL'],
        ['nobody', "city = '拉萨'"],
      ]) {
        await createSegment(store.conn, { name: name!, definition: definition! }, { now: NOW, ctx: CTX })
      }
    })
    afterAll(() => store?.close())

    test(`[${engine.name}] shared members of every pair, empty segments included`, async () => {
      const m = await segmentOverlap(store.conn, ['sh', 'bj', 'known', 'nobody'])
      expect(m.segments.map((s) => s.name)).toEqual(['sh', 'bj', 'known', 'nobody'])
      expect(m.shared).toEqual([
        [2, 0, 2, 0],
        [0, 1, 1, 0],
        [2, 1, 3, 0],
        [0, 0, 0, 0],
      ])
      expect(m.percent[2]).toEqual([2 / 3, 1 / 3, 1, 0])
      expect(m.percent[3]).toEqual([null, null, null, null])
    })
  })
}
