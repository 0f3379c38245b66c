import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/index.js'
import { cli } from '../support/run-cli.js'
import { demoCounts } from './demo-fixture.js'

const made: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-demo-cli-'))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true })
})

describe('strata demo (CLI)', () => {
  it('fills the store and prints a summary, as text or JSON', async () => {
    const db = join(tempDir(), 'demo.duckdb')
    const text = await cli(['--lang', 'zh-CN', '--db', db, 'demo', '--customers', '300', '--seed', '5'])
    expect(text.code).toBe(0)
    expect(text.out).toContain('演示数据已写入')
    expect(text.out).toContain('净销售额')
    const json = await cli(['--db', db, 'demo', '--customers', '300', '--seed', '5', '--json'])
    expect(json.code).toBe(0)
    const result = JSON.parse(json.out)
    expect(result).toMatchObject({ ok: true, customers: 300, seed: 5, asOf: '2026-06-30', currency: 'CNY' })
    expect(result.orders).toBeGreaterThan(1000)
    expect(result.revenue).toMatch(/^\d+\.\d\d$/)
  })

  it('writes files with --out and leaves the store alone', async () => {
    const dir = tempDir()
    const out = join(dir, 'files')
    const db = join(dir, 'untouched.duckdb')
    const run = await cli(['--db', db, 'demo', '--customers', '200', '--out', out, '--json'])
    expect(run.code).toBe(0)
    const result = JSON.parse(run.out)
    expect(result.files.orders).toBe(join(out, 'orders.csv'))
    expect(readFileSync(join(out, 'orders.csv'), 'utf8').split('\n').length - 2).toBe(result.orders)
    const status = JSON.parse((await cli(['--db', db, 'status', '--json'])).out)
    expect(status.counts.customers).toBe(0)
  })

  it('explains a bad option in the user language with a usage exit code', async () => {
    const run = await cli(['--lang', 'zh-TW', '--db', ':memory:', 'demo', '--customers', 'many'])
    expect(run.code).toBe(2)
    expect(run.err).toContain('顧客數')
    const date = await cli(['--db', ':memory:', 'demo', '--as-of', '2026-13-01'])
    expect(date.code).toBe(2)
    expect(date.err).toContain('2026-13-01')
  })

  it('leaves the store exactly as before when killed in the middle of a run', async () => {
    const dir = tempDir()
    const db = join(dir, 'kill.duckdb')
    expect((await cli(['--db', db, 'demo', '--customers', '300', '--seed', '1'])).code).toBe(0)
    const snapshot = async () => {
      const store = await openStore(db)
      const counts = await demoCounts(store.conn)
      await store.close()
      return counts
    }
    const before = await snapshot()
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'kill-child.ts'), db],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let killed = false
    await new Promise<void>((done) => {
      child.stdout.on('data', (chunk: Buffer) => {
        // A batch is in the open transaction: the old demo rows are deleted, new ones inserted.
        if (!killed && chunk.toString().includes('loaded 1')) {
          killed = true
          child.kill('SIGKILL')
        }
      })
      child.on('exit', () => done())
    })
    expect(killed).toBe(true)
    expect(await snapshot()).toEqual(before)
  })
})
