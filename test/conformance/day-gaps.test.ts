import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/store.js'
import { ENGINES } from '../support/engine-stores.js'

/**
 * The purchase-interval helpers (sortedDatesIf → positiveDayGaps → listMean / listMedian) on every engine,
 * against intervals worked out by hand: dates given out of order, a same-day repeat (no 0 gap), a row the
 * condition leaves out, a customer with one day only and one with no qualifying row.
 */
const ROWS: [string, string, boolean][] = [
  ['a', '2026-03-01', true],
  ['a', '2026-01-01', true],
  ['a', '2026-01-01', true], // same day: no gap
  ['a', '2026-01-11', true],
  ['a', '2026-02-01', false], // not a purchase: left out
  ['b', '2026-05-05', true],
  ['c', '2026-05-05', false],
]

for (const engine of ENGINES) {
  describe(`[${engine.name}] purchase-day gaps`, () => {
    let store: Store
    beforeAll(async () => {
      store = await engine.open()
    })
    afterAll(() => store?.close())

    test(`[${engine.name}] gaps between distinct sorted days, their mean and interpolated median`, async () => {
      const d = store.conn.dialect
      const values = ROWS.map(
        ([id, day, p]) => sql`SELECT ${id} AS id, ${d.dateLiteral(day)} AS day, ${p ? 1 : 0} AS p`,
      ).reduce((all, row) => sql`${all} UNION ALL ${row}`)
      const rows = await store.conn.all<{
        id: string
        n: number
        mean: number | null
        median: number | null
      }>(
        sql`SELECT g.id AS id, length(g.gaps) AS n, ${d.listMean(sql`g.gaps`)} AS mean,
            ${d.listMedian(sql`g.gaps`)} AS median
          FROM (
            SELECT s.id AS id, ${d.positiveDayGaps(sql`s.days`)} AS gaps
            FROM (SELECT v.id AS id, ${d.sortedDatesIf(sql`v.day`, sql`v.p = 1`)} AS days
              FROM (${values}) AS v GROUP BY v.id) AS s
          ) AS g
          ORDER BY g.id`,
      )
      // a: 01-01, 01-01, 01-11, 03-01 → gaps 10 and 49 → mean 29.5, median 29.5.
      expect(rows.map((r) => [r.id, Number(r.n ?? 0), r.mean, r.median])).toEqual([
        ['a', 2, 29.5, 29.5],
        ['b', 0, null, null],
        ['c', 0, null, null],
      ])
    })
  })
}
