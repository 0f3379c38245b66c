import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Connection, duckdbDialect as d, openDuckDB, sql } from '../../src/sql/index.js'

let conn: Connection
beforeAll(async () => {
  conn = await openDuckDB(':memory:')
})
afterAll(() => conn.close())

const value = async (q: ReturnType<typeof sql>) => (await conn.one<{ v: unknown }>(sql`SELECT ${q} AS v`))?.v

describe('duckdb dialect', () => {
  it('counts calendar days, not 24-hour periods', async () => {
    const from = d.dateOf(d.timestampLiteral('2024-03-04 23:59:00'))
    const to = d.dateLiteral('2024-03-05')
    expect(d.compile(d.daysBetween(from, to)).sql).toBe(
      "date_diff('day', CAST(CAST($1 AS TIMESTAMP) AS DATE), CAST($2 AS DATE))",
    )
    expect(await value(d.daysBetween(from, to))).toBe(1)
    expect(await value(d.daysBetween(d.dateLiteral('2024-02-28'), d.dateLiteral('2024-03-01')))).toBe(2)
  })

  it('adds days and formats dates', async () => {
    expect(await value(d.formatDate(d.addDays(d.dateLiteral('2024-12-31'), sql`${1}`)))).toBe('2025-01-01')
  })

  it('reads ISO weekday and hour', async () => {
    expect(await value(d.isoDayOfWeek(d.timestampLiteral('2024-03-10 22:15:00')))).toBe(7)
    expect(await value(d.hourOf(d.timestampLiteral('2024-03-10 22:15:00')))).toBe(22)
  })

  it('ranks with ties shared: count of strictly smaller values', async () => {
    const rows = await conn.all<{ x: number; below: number }>(sql`
      SELECT x, ${d.countStrictlyBelow(sql`x`)} AS below
      FROM (VALUES (1), (1), (2), (5), (5), (5)) AS v(x) ORDER BY x`)
    expect(rows.map((r) => r.below)).toEqual([0, 0, 2, 3, 3, 3])
  })

  it('computes exact medians, conditional aggregates and arg max', async () => {
    const row = await conn.one<Record<string, number | string>>(sql`
      SELECT ${d.median(sql`x`)} AS med, ${d.countIf(sql`x > 1`)} AS c, ${d.sumIf(sql`x`, sql`x > 100`)} AS s,
             ${d.argMax(sql`label`, sql`x`)} AS top
      FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c'), (10, 'd')) AS v(x, label)`)
    expect(row).toEqual({ med: 2.5, c: 3, s: 0, top: 'd' })
  })

  it('keeps money exact', async () => {
    const row = await conn.one<{ s: number }>(
      sql`SELECT sum(${d.toMoney(sql`x`)}) AS s FROM (VALUES ('0.1'), ('0.2'), ('0.3')) AS v(x)`,
    )
    expect(row?.s).toBe(0.6)
  })

  it('extracts JSON text', async () => {
    expect(await value(d.jsonText(sql`CAST(${'{"city_tier":"一线"}'} AS JSON)`, 'city_tier'))).toBe('一线')
  })

  it('replaces a scratch table of the same name', async () => {
    expect(d.compile(d.replaceTempTable('scratch')).sql).toBe('CREATE OR REPLACE TEMP TABLE "scratch"')
    await conn.run(sql`${d.replaceTempTable('scratch')} AS SELECT 1 AS v`)
    await conn.run(sql`${d.replaceTempTable('scratch')} AS SELECT 2 AS v`)
    expect(await conn.all(sql`SELECT v FROM scratch`)).toEqual([{ v: 2 }])
  })
})
