import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createSegment } from '../../src/segments/index.js'
import { openStore } from '../../src/store/store.js'
import { setCities, stays } from './helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'strata-seg-kill-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kill safety', () => {
  it('a refresh killed after its first segment leaves every segment as before', async () => {
    const db = join(dir, 'kill.duckdb')
    const ctx = { asOf: '2026-06-01', snapshotId: null }
    let store = await openStore(db)
    await setCities(store.conn, { a: '上海', b: '北京', c: '上海' })
    await createSegment(
      store.conn,
      { name: 'Beijing', definition: "city = '北京'" },
      { now: '2026-06-01 06:00:00', ctx },
    )
    await createSegment(
      store.conn,
      { name: 'Shanghai', definition: "city = '上海'" },
      { now: '2026-06-01 06:00:00', ctx },
    )
    await setCities(store.conn, { a: '北京', b: '上海' })
    const before = { bj: await stays(store.conn, 'beijing'), sh: await stays(store.conn, 'shanghai') }
    await store.close()

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'kill-refresh-child.ts'), db],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let killed = false
    await new Promise<void>((done) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (!killed && chunk.toString().includes('first segment written')) {
          killed = true
          child.kill('SIGKILL')
        }
      })
      child.on('exit', () => done())
    })
    expect(killed).toBe(true)

    store = await openStore(db)
    expect(await stays(store.conn, 'beijing')).toEqual(before.bj)
    expect(await stays(store.conn, 'shanghai')).toEqual(before.sh)
    await store.close()
  }, 60_000)
})
