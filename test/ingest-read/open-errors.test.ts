import { afterAll, describe, expect, it } from 'vitest'
import { openRecordSource } from '../../src/ingest/read/index.js'
import { FIXTURES, fixture, tempDir } from './helpers.js'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

async function codes(path: string, options = {}) {
  const r = await openRecordSource(path, options)
  return r.ok ? [] : r.diagnostics.map((d) => [d.code, d.at?.file])
}

describe('openRecordSource: what it refuses, as diagnostics with the file', () => {
  it('a missing file, a folder', async () => {
    expect(await codes(`${tmp.dir}/nope.csv`)).toEqual([
      ['ingest.read.file_not_found', `${tmp.dir}/nope.csv`],
    ])
    expect(await codes(FIXTURES)).toEqual([['ingest.read.not_a_file', FIXTURES]])
  })

  it('an extension it does not know and content it cannot recognise, or a bad --format', async () => {
    const path = tmp.file('data.dat', 'a,b\n1,2\n')
    expect(await codes(path)).toEqual([['ingest.read.unknown_format', path]])
    expect(await codes(fixture('quoted.csv'), { format: 'xml' })).toEqual([
      ['ingest.read.unknown_format', fixture('quoted.csv')],
    ])
  })

  it('an empty file', async () => {
    const path = tmp.file('empty.csv', '')
    expect(await codes(path)).toEqual([['ingest.read.empty_file', path]])
    const blank = tmp.file('blank.ndjson', '\n\n')
    expect(await codes(blank)).toEqual([['ingest.read.empty_file', blank]])
  })

  it('recognises a file by its content when the extension says nothing', async () => {
    const r = await openRecordSource(tmp.file('export.dat', '[{"a": 1}]'))
    expect(r.ok && r.value.format).toBe('json')
  })

  it('honours --format over the extension', async () => {
    const r = await openRecordSource(tmp.file('events.log', '{"a": 1}\n{"a": 2}\n'), { format: 'ndjson' })
    expect(r.ok && r.value.columns).toEqual(['a'])
  })
})

describe('openRecordSource: old Excel files', () => {
  it('asks for .xlsx when given a .xls (by extension or by its OLE2 signature)', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    const byName = tmp.file('members.xls', ole)
    expect(await codes(byName)).toEqual([['ingest.read.xls_unsupported', byName]])
    const byMagic = tmp.file('members.dat', ole)
    expect(await codes(byMagic)).toEqual([['ingest.read.xls_unsupported', byMagic]])
  })

  it('reads a .xls that is really tab-separated text (a common shop-backend export) as TSV', async () => {
    const r = await openRecordSource(tmp.file('orders.xls', '订单号\t金额\nA1\t88\n'))
    expect(r.ok && [r.value.format, r.value.columns]).toEqual(['tsv', ['订单号', '金额']])
  })
})
