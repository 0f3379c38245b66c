import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '../../src/sql/driver.js'
import { ident, sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/store.js'
import { unescapeParam } from '../support/chdb-http-server.js'
import { openChdbStore, openHttpStore } from '../support/engine-stores.js'

const PAYLOADS = [
  "'; DROP TABLE t; --",
  "1' OR '1'='1",
  "\\'; SELECT 1; --",
  'back\\slash\\',
  'tab\there\nnew line\r',
  '{p1:String}',
  "上海'); DELETE FROM t; --",
  '\\N',
  '`; DROP DATABASE x',
]

for (const [name, open] of [
  ['clickhouse', openChdbStore],
  ['clickhouse-http', openHttpStore],
] as const) {
  describe(`[${name}] driver`, () => {
    let store: Store
    let conn: Connection
    const dir = mkdtempSync(join(tmpdir(), 'strata-ch-files-'))
    beforeAll(async () => {
      store = await open()
      conn = store.conn
      await conn.run(
        sql`CREATE TABLE t (id String, amount Nullable(Decimal(18, 4)), n Nullable(Int64)) ENGINE = MergeTree ORDER BY id`,
      )
    })
    afterAll(async () => {
      await store?.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it(`[${name}] runs on the transport it names (in-process chdb, or HTTP to the local endpoint)`, () => {
      expect(store.path).toMatch(name === 'clickhouse' ? /^chdb:\// : /^http:\/\/127\.0\.0\.1:\d+#t/)
    })

    it(`[${name}] binds injection payloads as values: they come back verbatim and change nothing`, async () => {
      for (const p of PAYLOADS) {
        const row = await conn.one(sql`SELECT ${p} AS v, length(${p}) AS n`)
        expect(row).toEqual({ v: p, n: Buffer.byteLength(p) })
        await conn.run(sql`INSERT INTO t (id, amount, n) VALUES (${p}, ${1.5}, ${null})`)
      }
      const ids = (await conn.all<{ id: string }>(sql`SELECT id FROM t ORDER BY id`)).map((r) => r.id)
      expect(ids).toEqual([...PAYLOADS].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)))
      expect(await conn.one(sql`SELECT count(*) AS n FROM t WHERE id = ${"1' OR '1'='1"}`)).toEqual({ n: 1 })
      await conn.run(sql`TRUNCATE TABLE t`)
    })

    it(`[${name}] returns decimals, 64-bit integers, NULLs, dates and booleans as JSON values`, async () => {
      const row = await conn.one(sql`SELECT toDecimal64(12.34, 4) AS d, toInt64(9007199254740991) AS big,
        CAST(NULL AS Nullable(Int32)) AS n, toDate32('1950-03-01') AS day,
        toDateTime64('2024-06-30 23:59:00', 0) AS ts, ${true} AS b, count() AS c FROM numbers(3)`)
      expect(row).toEqual({
        d: 12.34,
        big: 9007199254740991,
        n: null,
        day: '1950-03-01',
        ts: '2024-06-30 23:59:00',
        b: true,
        c: 3,
      })
    })

    it(`[${name}] appends in bulk (data, not SQL) with quotes, NULLs and Chinese text`, async () => {
      const rows = Array.from(
        { length: 2500 },
        (_, i) => [`id'${i}"\\`, i % 7 === 0 ? null : i / 4, i] as const,
      )
      expect(await conn.append('t', ['id', 'amount', 'n'], rows)).toBe(2500)
      expect(
        await conn.one(sql`SELECT count(*) AS c, countIf(amount IS NULL) AS nulls, sum(n) AS s FROM t`),
      ).toEqual({
        c: 2500,
        nulls: 358,
        s: (2499 * 2500) / 2,
      })
      await expect(conn.append('t', ['id', 'amount', 'n'], [['x']])).rejects.toThrow(/1 values for 3 columns/)
      await conn.run(sql`TRUNCATE TABLE t`)
    })

    it(`[${name}] rolls a failed transaction back by dropping the parts it wrote`, async () => {
      await conn.append('t', ['id', 'amount', 'n'], [['kept', 1, 1]])
      await expect(
        conn.transaction(async () => {
          await conn.run(sql`INSERT INTO t (id, amount, n) VALUES (${'b'}, ${1}, ${1})`)
          await conn.append('t', ['id', 'amount', 'n'], [['c', 2, 2]])
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await conn.all(sql`SELECT id FROM t ORDER BY id`)).toEqual([{ id: 'kept' }])
      await conn.transaction(async () => {
        await conn.run(sql`INSERT INTO t (id, amount, n) VALUES (${'d'}, ${1}, ${1})`)
        await conn.transaction(() => conn.run(sql`INSERT INTO t (id, amount, n) VALUES (${'e'}, ${1}, ${1})`))
      })
      expect(await conn.all(sql`SELECT id FROM t ORDER BY id`)).toEqual([
        { id: 'd' },
        { id: 'e' },
        { id: 'kept' },
      ])
      await conn.run(sql`TRUNCATE TABLE t`)
    })

    it(`[${name}] streams a result in blocks, values normalised like all()`, async () => {
      let n = 0
      let sum = 0
      for await (const rows of conn.stream<{ n: number; c: string }>(
        sql`SELECT number AS n, ${'上海'} AS c FROM numbers(100000)`,
      )) {
        n += rows.length
        for (const r of rows) sum += r.n
        expect(rows[0]!.c).toBe('上海')
      }
      expect({ n, sum }).toEqual({ n: 100000, sum: (99999 * 100000) / 2 })
    })

    it(`[${name}] writes Parquet and reads it back into a temporary table`, async () => {
      const file = join(dir, `out-${name}.parquet`)
      await conn.copyToFile(sql`SELECT number AS n, ${'上海'} AS city FROM numbers(5)`, file, 'parquet')
      await conn.readFileAsTable(file, 'parquet', 'back')
      expect(await conn.one(sql`SELECT sum(n) AS s, any(city) AS city FROM ${ident('back')}`)).toEqual({
        s: 10,
        city: '上海',
      })
    })
  })
}

describe('local HTTP endpoint', () => {
  it('undoes the client parameter escaping (TSV rules, \\N is NULL)', () => {
    expect(unescapeParam("a\\tb\\nc\\\\d\\'e")).toBe("a\tb\nc\\d'e")
    expect(unescapeParam('\\N')).toBeNull()
    expect(unescapeParam('\\\\N')).toBe('\\N')
  })
})
