import { describe, expect, it } from 'vitest'
import { duckdbDialect, ident, join, openDuckDB, raw, sql } from '../../src/sql/index.js'

const PAYLOADS = [
  "'; DROP TABLE t; --",
  "1' OR '1'='1",
  'Robert"); DROP TABLE t;--',
  '$1',
  '\\x27; SELECT 1',
  "上海'); DELETE FROM t; --",
]

describe('sql fragments', () => {
  it('turns every interpolated value into a numbered parameter', () => {
    const q = duckdbDialect.compile(sql`SELECT ${1} + ${2} AS x WHERE ${'a'} = ${null}`)
    expect(q.sql).toBe('SELECT $1 + $2 AS x WHERE $3 = $4')
    expect(q.parameters).toEqual([1, 2, 'a', null])
  })

  it('inlines nested fragments and keeps parameter order', () => {
    const where = sql`city = ${'上海'}`
    const q = duckdbDialect.compile(sql`SELECT * FROM t WHERE ${where} AND n > ${3}`)
    expect(q.sql).toBe('SELECT * FROM t WHERE city = $1 AND n > $2')
    expect(q.parameters).toEqual(['上海', 3])
  })

  it('quotes identifiers, doubling embedded quotes', () => {
    const q = duckdbDialect.compile(sql`SELECT ${ident('t', 'we"ird')} FROM ${ident('客户')}`)
    expect(q.sql).toBe('SELECT "t"."we""ird" FROM "客户"')
  })

  it('joins fragments with a separator and skips empty ones', () => {
    const q = duckdbDialect.compile(join([sql`a = ${1}`, raw(''), sql`b = ${2}`], ' AND '))
    expect(q.sql).toBe('a = $1 AND b = $2')
  })

  it('stores injection payloads verbatim and leaves the table intact', async () => {
    const conn = await openDuckDB(':memory:')
    await conn.run(sql`CREATE TABLE t (v VARCHAR)`)
    for (const p of PAYLOADS) {
      expect(duckdbDialect.compile(sql`INSERT INTO t VALUES (${p})`).sql).toBe('INSERT INTO t VALUES ($1)')
      await conn.run(sql`INSERT INTO t VALUES (${p})`)
    }
    const rows = await conn.all<{ v: string }>(sql`SELECT v FROM t`)
    expect(rows.map((r) => r.v).sort()).toEqual([...PAYLOADS].sort())
    for (const p of PAYLOADS) {
      const hit = await conn.all(sql`SELECT v FROM t WHERE v = ${p}`)
      expect(hit).toHaveLength(1)
    }
    await conn.close()
  })
})
