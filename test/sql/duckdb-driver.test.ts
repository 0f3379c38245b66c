import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Connection, openDuckDB, sql } from '../../src/sql/index.js'

let conn: Connection
beforeAll(async () => {
  conn = await openDuckDB(':memory:')
  await conn.run(sql`CREATE TABLE t (id VARCHAR, amount DECIMAL(18,4), n BIGINT)`)
})
afterAll(() => conn.close())

describe('duckdb driver', () => {
  it('returns decimals and bigints as numbers', async () => {
    await conn.append('t', ['id', 'amount', 'n'], [['a', '12.3400', 5n]])
    expect(await conn.all(sql`SELECT * FROM t`)).toEqual([{ id: 'a', amount: 12.34, n: 5 }])
  })

  it('rolls a failed transaction back completely', async () => {
    await expect(
      conn.transaction(async () => {
        await conn.run(sql`INSERT INTO t VALUES (${'b'}, ${1}, ${1})`)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await conn.all(sql`SELECT id FROM t WHERE id = ${'b'}`)).toEqual([])
  })

  it('commits a successful transaction, joining nested ones', async () => {
    await conn.transaction(async () => {
      await conn.run(sql`INSERT INTO t VALUES (${'c'}, ${1}, ${1})`)
      await conn.transaction(() => conn.run(sql`INSERT INTO t VALUES (${'d'}, ${1}, ${1})`))
    })
    expect((await conn.all(sql`SELECT id FROM t WHERE id IN ('c', 'd')`)).length).toBe(2)
  })

  it('refuses an append whose width does not match the table', async () => {
    await expect(conn.append('t', ['id'], [['x']])).rejects.toThrow(/1 values for 3 columns/)
  })
})
