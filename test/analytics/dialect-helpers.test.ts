import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Connection, duckdbDialect as d, openDuckDB, sql } from '../../src/sql/index.js'

// The semantic helpers analytics added to the dialect: golden SQL for DuckDB, then results on the engine.
let conn: Connection
beforeAll(async () => {
  conn = await openDuckDB(':memory:')
})
afterAll(() => conn.close())

const value = async (q: ReturnType<typeof sql>) => (await conn.one<{ v: unknown }>(sql`SELECT ${q} AS v`))?.v

describe('dialect helpers added by analytics', () => {
  it('divides integers exactly, rounding down', async () => {
    expect(d.compile(d.floorDiv(sql`${5} * ${3}`, sql`${6}`)).sql).toBe('($1 * $2 // $3)')
    expect(await value(d.floorDiv(sql`CAST(25 AS INTEGER)`, sql`CAST(6 AS INTEGER)`))).toBe(4)
    expect(await value(d.floorDiv(sql`CAST(30 AS INTEGER)`, sql`CAST(6 AS INTEGER)`))).toBe(5)
  })

  it('counts whole years: an age the day before and on the birthday', async () => {
    const age = (on: string) => value(d.wholeYearsBetween(d.dateLiteral('1990-07-01'), d.dateLiteral(on)))
    expect(await age('2024-06-30')).toBe(33)
    expect(await age('2024-07-01')).toBe(34)
  })

  it('keeps the heaviest names with their shares, ties broken deterministically', async () => {
    const rows = await conn.all<{ g: string; top: string }>(sql`
      SELECT g, ${d.topShares(sql`name`, sql`w`, 2)} AS top
      FROM (VALUES ('a', 'x', 1), ('a', 'y', 3), ('a', 'z', 1), ('b', 'q', 2)) AS t(g, name, w)
      GROUP BY g ORDER BY g`)
    expect(rows).toEqual([
      { g: 'a', top: '[{"name":"y","share":0.6},{"name":"z","share":0.2}]' },
      { g: 'b', top: '[{"name":"q","share":1.0}]' },
    ])
    expect(await value(d.jsonArrayItemText(sql`${rows[0]!.top}`, 1, 'name'))).toBe('z')
    expect(await value(d.jsonArrayItemText(sql`${rows[1]!.top}`, 1, 'name'))).toBe(null)
  })
})
