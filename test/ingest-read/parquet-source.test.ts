import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRecordSource } from '../../src/ingest/read/index.js'
import { raw, sql } from '../../src/sql/index.js'
import { openStore, type Store } from '../../src/store/index.js'
import { open, readAll, tempDir } from './helpers.js'

const tmp = tempDir()
let store: Store
let path: string

beforeAll(async () => {
  store = await openStore(':memory:')
  path = `${tmp.dir}/orders.parquet`
  // The query is fixed program text; the values a reader must keep exact are in it on purpose.
  await store.conn.copyToFile(
    sql`${raw(`SELECT * FROM (VALUES
      ('A1', 'c1', TIMESTAMP '2024-03-05 14:03:07', DATE '2024-03-05', CAST(1234.5 AS DECIMAL(18,4)), 3, CAST(9007199254740993 AS BIGINT), true, '张三', CAST(NULL AS VARCHAR), CAST('2024-03-05 06:03:07+00' AS TIMESTAMP WITH TIME ZONE)),
      ('A2', 'c2', TIMESTAMP '2024-12-31 23:59:59', DATE '2024-12-31', CAST(-0.01 AS DECIMAL(18,4)), -1, CAST(42 AS BIGINT), false, 'Li', 'note', NULL)
    ) AS t(order_id, customer_id, ordered_at, order_date, amount, qty, big_id, paid, name, note, paid_at)`)}`,
    path,
    'parquet',
  )
})
afterAll(async () => {
  await store.close()
  tmp.cleanup()
})

describe('Parquet sources (hyparquet)', () => {
  it('lists the columns in file order and streams rows with line = row index + 1', async () => {
    const src = await open(path)
    expect(src.format).toBe('parquet')
    expect(src.columns).toEqual([
      'order_id',
      'customer_id',
      'ordered_at',
      'order_date',
      'amount',
      'qty',
      'big_id',
      'paid',
      'name',
      'note',
      'paid_at',
    ])
    const records = await readAll(src)
    expect(records.map((r) => r.line)).toEqual([1, 2])
  })

  it('gives decimals as exact text, timestamps as wall clock (instants in UTC), dates as dates, big integers exact', async () => {
    const [first, second] = await readAll(await open(path))
    expect(first!.values).toEqual({
      order_id: 'A1',
      customer_id: 'c1',
      ordered_at: '2024-03-05 14:03:07',
      order_date: '2024-03-05',
      amount: '1234.5000',
      qty: 3,
      big_id: '9007199254740993',
      paid: true,
      name: '张三',
      note: null,
      // an instant (TIMESTAMP WITH TIME ZONE): ISO text with Z, which parseDateTime moves to the store's zone
      paid_at: '2024-03-05T06:03:07.000Z',
    })
    expect(second!.values).toMatchObject({
      amount: '-0.0100',
      qty: -1,
      big_id: 42,
      paid: false,
      note: 'note',
    })
    expect(JSON.parse(first!.raw)).toEqual(first!.values)
  })

  it('refuses a file that is not Parquet', async () => {
    const bad = await openRecordSource(tmp.file('fake.parquet', 'PAR1 this is not parquet'))
    expect(bad.ok ? [] : bad.diagnostics.map((d) => d.code)).toEqual(['ingest.read.parquet_invalid'])
  })

  it('reads every codec writers use (snappy, gzip, zstd, brotli, none) and names the one it cannot (lz4)', async () => {
    for (const codec of ['uncompressed', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4']) {
      const file = `${tmp.dir}/codec-${codec}.parquet`
      // test-only fixture: the engine's COPY with an explicit codec (copyToFile always writes zstd)
      await store.conn.run(
        sql`${raw(`COPY (SELECT 'x' || i AS id, i AS n FROM range(3) t(i)) TO '${file}' (FORMAT parquet, COMPRESSION ${codec})`)}`,
      )
      const r = await openRecordSource(file)
      if (codec === 'lz4') {
        expect(r.ok ? [] : r.diagnostics).toMatchObject([
          { code: 'ingest.read.parquet_codec', params: { codec: 'LZ4_RAW' } },
        ])
        continue
      }
      if (!r.ok) throw new Error(`${codec}: ${JSON.stringify(r.diagnostics)}`)
      expect((await readAll(r.value)).map((x) => x.values['id'])).toEqual(['x0', 'x1', 'x2'])
    }
  })
})
