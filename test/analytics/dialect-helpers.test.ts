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

  it('caps working memory with a checked number', () => {
    expect(d.compile(d.limitMemory(1000)).sql).toBe(
      "SET memory_limit = '1000MB'; SET preserve_insertion_order = false",
    )
    expect(() => d.limitMemory(Number.NaN)).toThrow()
  })
})
