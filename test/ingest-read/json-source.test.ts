import { afterAll, describe, expect, it } from 'vitest'
import { openRecordSource } from '../../src/ingest/read/index.js'
import { fixture, open, readAll, streamFailure, tempDir } from './helpers.js'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('JSON array sources', () => {
  it('streams the elements with the line each starts on, nested values as JSON text, long ids exact', async () => {
    const src = await open(fixture('orders.json'))
    expect(src).toMatchObject({ format: 'json', encoding: 'utf-8' })
    expect(src.columns).toEqual(['order_id', 'customer', 'amount', 'tags', 'paid', 'note'])
    const records = await readAll(src)
    expect(records.map((r) => r.line)).toEqual([2, 3, 9])
    expect(records[0]!.values).toEqual({ order_id: 1, customer: '张三', amount: 12.5, tags: '["vip","new"]' })
    expect(records[1]!.values).toEqual({
      order_id: '12345678901234567890',
      customer: 'Li',
      paid: true,
      note: null,
    })
    expect(records[2]!.values['amount']).toBe('¥88')
  })

  it('gives each element re-serialised on one line as its raw text, number spellings kept', async () => {
    const records = await readAll(await open(fixture('orders.json')))
    expect(records[1]!.raw).toBe('{"order_id":12345678901234567890,"customer":"Li","paid":true,"note":null}')
    expect(records[0]!.raw).toBe('{"order_id":1,"customer":"张三","amount":12.5,"tags":["vip","new"]}')
  })

  it('turns an element with bad syntax or that is not an object into a record with an error, and goes on', async () => {
    const path = tmp.file('mixed.json', '[\n {"a": 1},\n {"a": tru},\n 42,\n {"a": 3}\n]')
    const records = await readAll(await open(path))
    expect(records.map((r) => [r.line, r.error?.code, r.values])).toEqual([
      [2, undefined, { a: 1 }],
      [3, 'ingest.read.json_malformed', {}],
      [4, 'ingest.read.json_not_object', {}],
      [5, undefined, { a: 3 }],
    ])
    expect(records[1]!.error!.at).toEqual({ file: path, line: 3, column: 8 })
    expect(records[1]!.raw).toBe('{"a":tru}')
  })

  it('stops at broken structure (past the records sampled at open) with line and column', async () => {
    const elements = Array.from({ length: 1100 }, (_, i) => ` {"a": ${i}}${i === 1049 ? '' : ','}`)
    const src = await open(tmp.file('broken.json', `[\n${elements.join('\n')}\n]`))
    expect(await streamFailure(src)).toMatchObject({
      code: 'ingest.read.json_malformed',
      at: { line: 1052, column: 2 },
      read: 1050,
    })
  })

  it('fails to open a file whose first records are already broken', async () => {
    const r = await openRecordSource(tmp.file('broken2.json', '[{"a": 1}}'))
    expect(r.ok ? [] : r.diagnostics).toMatchObject([
      { code: 'ingest.read.json_malformed', at: { line: 1, column: 10 } },
    ])
    const scalar = await openRecordSource(tmp.file('scalar.json', '"just text"'))
    expect(scalar.ok ? [] : scalar.diagnostics.map((d) => d.code)).toEqual(['ingest.read.json_not_array'])
  })

  it('reads a .json file that actually holds one object per line as NDJSON', async () => {
    const src = await open(tmp.file('lines.json', '{"a":1}\n{"a":2,"b":"x"}\n'))
    expect(src.format).toBe('ndjson')
    expect(src.columns).toEqual(['a', 'b'])
  })
})

describe('NDJSON sources', () => {
  it('yields every line, the malformed one as a record with an error at its line and column', async () => {
    const src = await open(fixture('events.ndjson'))
    expect(src.format).toBe('ndjson')
    expect(src.columns).toEqual(['event_id', 'type', 'customer_id', 'properties', 'qty'])
    const records = await readAll(src)
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5])
    expect(records[1]!.values).toEqual({ event_id: 'e2', type: 'search', properties: '{"q":"奶粉"}' })
    expect(records[2]).toEqual({
      line: 3,
      values: {},
      raw: '{"event_id":"e3","type": view}',
      error: { code: 'ingest.read.json_malformed', at: { file: src.file, line: 3, column: 26 } },
    })
    expect(records[3]!.values).toEqual({ event_id: 'e4', type: 'add_to_cart', qty: 2 })
  })

  it('accepts .jsonl and CRLF line ends', async () => {
    const src = await open(tmp.file('e.jsonl', '{"a":1}\r\n{"a":2}\r\n'))
    const records = await readAll(src)
    expect(records.map((r) => [r.line, r.raw, r.values['a']])).toEqual([
      [1, '{"a":1}', 1],
      [2, '{"a":2}', 2],
    ])
  })

  it('gathers columns over the first records in first-seen order', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify(i === 1200 ? { late: 1 } : { id: i, [`k${i % 3}`]: 1 }),
    )
    const src = await open(tmp.file('many.ndjson', lines.join('\n')))
    expect(src.columns).toEqual(['id', 'k0', 'k1', 'k2'])
  })
})
