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
    expect(await codes(`${tmp.dir}/nope.csv`)).toEqual([['ingest.read.file_not_found', `${tmp.dir}/nope.csv`]])
    expect(await codes(FIXTURES)).toEqual([['ingest.read.not_a_file', FIXTURES]])
  })

  it('an extension it does not know and content it cannot recognise, or a bad --format', async () => {
    const path = tmp.file('data.dat', 'a,b\n1,2\n')
    expect(await codes(path)).toEqual([['ingest.read.unknown_format', path]])
    expect(await codes(fixture('quoted.csv'), { format: 'xml' })).toEqual([['ingest.read.unknown_format', fixture('quoted.csv')]])
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
