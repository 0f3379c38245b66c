import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { openRecordSource } from '../../src/ingest/read/index.js'
import { fixture, open, readAll, streamFailure, tempDir } from './helpers.js'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('CSV / TSV sources', () => {
  it('reads quoted commas, doubled quotes and multi-line fields, with the right line numbers', async () => {
    const src = await open(fixture('quoted.csv'))
    expect(src).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', warnings: [] })
    expect(src.columns).toEqual(['order_id', 'customer', 'note', 'amount'])
    expect(src.headerText).toBe('order_id,customer,note,amount')
    const records = await readAll(src)
    expect(records.map((r) => r.line)).toEqual([2, 4, 5])
    expect(records[0]!.values).toEqual({
      order_id: '1001',
      customer: '张三',
      note: 'first line\nsecond line',
      amount: '12.50',
    })
    expect(records[0]!.raw).toBe('1001,张三,"first line\nsecond line",12.50')
    expect(records[1]!.values).toMatchObject({ customer: 'Li, Wei', note: 'says "hi"' })
    expect(records[2]!.values).toEqual({ order_id: '1003', customer: '王五', note: '', amount: '1,234.00' })
    expect(records.every((r) => r.error === undefined)).toBe(true)
  })

  it('reads TSV by extension, with quoted tabs', async () => {
    const src = await open(fixture('orders.tsv'))
    expect(src).toMatchObject({ format: 'tsv', delimiter: '\t', columns: ['order_id', 'customer', 'amount'] })
    const records = await readAll(src)
    expect(records[1]!.values).toEqual({ order_id: '2', customer: 'B\tC', amount: '2' })
  })

  it('strips a UTF-8 BOM so it never reaches the first column name, and reads CRLF files', async () => {
    const src = await open(fixture('bom.csv'))
    expect(src.encoding).toBe('utf-8-bom')
    expect(src.columns).toEqual(['订单号', '客户', '金额'])
    expect(src.headerText).toBe('订单号,客户,金额')
    const records = await readAll(src)
    expect(records.map((r) => [r.line, r.values['订单号'], r.raw])).toEqual([
      [2, 'A1', 'A1,张三,¥12.50'],
      [3, 'A2', 'A2,李四,8'],
    ])
  })

  it('sniffs the delimiter of a .txt file and of a .csv whose header has no comma', async () => {
    const semi = await open(tmp.file('export.txt', 'a;b;c\n1;2,5;3\n4;5;6\n'))
    expect(semi).toMatchObject({ format: 'csv', delimiter: ';', columns: ['a', 'b', 'c'] })
    expect((await readAll(semi))[0]!.values).toEqual({ a: '1', b: '2,5', c: '3' })
    const tabs = await open(tmp.file('export2.txt', 'a\tb\n1\t2\n'))
    expect(tabs).toMatchObject({ format: 'tsv', delimiter: '\t' })
    const euro = await open(tmp.file('euro.csv', 'kunde;betrag\nA;1.234,50\n'))
    expect(euro.delimiter).toBe(';')
  })

  it('honours an explicit delimiter, and refuses an unusable one', async () => {
    const path = tmp.file('pipes.csv', 'a|b\n1|2\n')
    expect((await open(path, { delimiter: '|' })).columns).toEqual(['a', 'b'])
    const bad = await openRecordSource(path, { delimiter: '||' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.diagnostics[0]!.code).toBe('ingest.read.bad_delimiter')
  })

  it('decompresses gzip by extension and by magic bytes', async () => {
    const text = 'id,v\n1,a\n2,b\n'
    const byName = await open(tmp.file('data.csv.gz', gzipSync(text)))
    expect((await readAll(byName)).map((r) => r.values['v'])).toEqual(['a', 'b'])
    const byMagic = await open(tmp.file('data-gz.csv', gzipSync(text)))
    expect((await readAll(byMagic)).map((r) => r.line)).toEqual([2, 3])
    expect(byMagic.sizeBytes).toBe(gzipSync(text).length)
  })

  it('trims header names and repairs empty and duplicate ones with warnings', async () => {
    const src = await open(tmp.file('dupes.csv', ' id , amount ,,amount\n1,2,3,4\n'))
    expect(src.columns).toEqual(['id', 'amount', 'column_3', 'amount_2'])
    expect(src.warnings.map((w) => [w.code, w.at?.column, w.severity])).toEqual([
      ['ingest.read.header_empty', 3, 'warning'],
      ['ingest.read.header_duplicate', 4, 'warning'],
    ])
    expect((await readAll(src))[0]!.values).toEqual({ id: '1', amount: '2', column_3: '3', amount_2: '4' })
  })

  it('flags a row with more fields than the header (unless the extras are empty) and one with fewer', async () => {
    const src = await open(tmp.file('ragged.csv', 'a,b\n1,2\n1,2,3\n1,2,,\n1\n'))
    const records = await readAll(src)
    expect(records.map((r) => r.error?.code)).toEqual([
      undefined,
      'ingest.read.csv_too_many_fields',
      undefined,
      'ingest.read.csv_too_few_fields',
    ])
    expect(records[1]!.error).toMatchObject({ at: { line: 3, column: 3 }, params: { expected: 2, found: 3 } })
    expect(records[1]!.raw).toBe('1,2,3')
    expect(records[3]!.error?.at?.line).toBe(5)
  })

  it('stops with the line of an unterminated quote after yielding the sound records', async () => {
    const src = await open(tmp.file('open-quote.csv', 'a,b\n1,2\n3,"oops\n5,6\n'))
    expect(await streamFailure(src)).toEqual({
      code: 'ingest.read.csv_unterminated_quote',
      at: { file: src.file, line: 3 },
      read: 1,
    })
  })

  it('reports progress in bytes of the file, reaching its size', async () => {
    const src = await open(fixture('quoted.csv'))
    let last = 0
    for await (const _ of src.records((n) => {
      last = n
    }));
    expect(last).toBe(src.sizeBytes)
  })

  it('can stream the same file twice', async () => {
    const src = await open(fixture('quoted.csv'))
    expect((await readAll(src)).length).toBe(3)
    expect((await readAll(src)).length).toBe(3)
  })
})
