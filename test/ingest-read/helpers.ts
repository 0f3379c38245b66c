import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StrataError } from '../../src/core/diagnostics.js'
import { openRecordSource } from '../../src/ingest/read/index.js'
import type { OpenOptions, RawRecord, RecordSource } from '../../src/ingest/read/types.js'

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
export const fixture = (name: string) => join(FIXTURES, name)
/** The real UCI Online Retail export, beside the repository (never copied into it). */
export const UCI = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/data/online-retail/online_retail.csv.gz',
)

/** A temporary folder for files a test writes; removed by the returned cleanup. */
export function tempDir(): {
  dir: string
  file: (name: string, content: string | Uint8Array) => string
  cleanup: () => void
} {
  const dir = mkdtempSync(join(tmpdir(), 'strata-read-'))
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name)
      writeFileSync(path, content)
      return path
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** Opens a file and fails the test with the diagnostics if it cannot be opened. */
export async function open(path: string, options?: OpenOptions): Promise<RecordSource> {
  const r = await openRecordSource(path, options)
  if (!r.ok) throw new Error(`cannot open ${path}: ${JSON.stringify(r.diagnostics)}`)
  return r.value
}

/** Every record of a source. */
export async function readAll(source: RecordSource): Promise<RawRecord[]> {
  const out: RawRecord[] = []
  for await (const r of source.records()) out.push(r)
  return out
}

/** The diagnostic a `records()` stream stops with (fails the test if it does not stop). */
export async function streamFailure(
  source: RecordSource,
): Promise<{ code: string; at: unknown; read: number }> {
  let read = 0
  try {
    for await (const _ of source.records()) read++
  } catch (error) {
    if (error instanceof StrataError) return { code: error.diagnostic.code, at: error.diagnostic.at, read }
    throw error
  }
  throw new Error('the stream did not fail')
}
