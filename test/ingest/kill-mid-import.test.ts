import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDuckDB } from '../../src/sql/index.js'
import { dumpStore, fixture } from './helpers.js'

// A real child process is killed with SIGKILL in the middle of an import; the store must be exactly as
// before. The child runs the built CLI (dist/), so the build is refreshed here when src/ is newer.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin', 'strata.js')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

function ensureBuilt(): void {
  const built = join(ROOT, 'dist', 'ingest', 'import-file.js')
  let stale = true
  try {
    stale = statSync(built).mtimeMs < newestMtime(join(ROOT, 'src'))
  } catch {
    stale = true
  }
  if (stale) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' })
}

/** A generic orders file big enough that its import takes seconds: 200,000 orders of 20,000 customers. */
function bigOrdersFile(dir: string): string {
  const lines = ['order_id,customer_id,email,ordered_at,amount,currency']
  for (let i = 0; i < 200_000; i++) {
    const c = i % 20_000
    const day = String(1 + (i % 28)).padStart(2, '0')
    lines.push(
      `K${i},U${c},user${c}@example.com,2024-02-${day} 12:${String(i % 60).padStart(2, '0')}:00,${(i % 997) + 0.5},CNY`,
    )
  }
  const path = join(dir, 'big-orders.csv')
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

function runChild(args: string[], env: Record<string, string> = {}, killAfterMs?: number) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += String(d)
    })
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      resolve({ code, signal, stderr })
    })
  })
}

/** Opened without migrations: the CLI child may know subsystems (and schema versions) this test does not. */
async function dumpFile(db: string) {
  const conn = await openDuckDB(db)
  try {
    return await dumpStore(conn)
  } finally {
    await conn.close()
  }
}

let dir: string
let big: string
beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'strata-kill-'))
  big = bigOrdersFile(dir)
}, 300_000)

/** A new store file seeded by a small import (`seed`: the arguments after `import orders`), and its dump. */
async function seededStore(name: string, ...seed: string[]) {
  const db = join(dir, name)
  const run = await runChild(['--db', db, 'import', 'orders', ...seed])
  expect(run.code, run.stderr).toBe(0)
  return { db, before: await dumpFile(db) }
}

/** The CLI arguments that import the big orders file into `db`. */
const importBig = (db: string) => ['--db', db, 'import', 'orders', big, '--source', 'shop']

describe('a process killed mid-import leaves the store exactly as before', () => {
  it('killed inside the merge transaction, right before COMMIT (fault injection)', async () => {
    const { db, before } = await seededStore(
      'merge.duckdb',
      fixture('generic-orders.csv'),
      '--source',
      'shop',
    )

    const killed = await runChild(importBig(db), { STRATA_FAULT_INJECT: 'kill-in-merge' })
    expect(killed.signal).toBe('SIGKILL')
    expect(await dumpFile(db)).toEqual(before)

    const normal = await runChild(importBig(db))
    expect(normal.code, normal.stderr).toBe(0)
    const after = await dumpFile(db)
    expect(after['orders']).toHaveLength(before['orders']!.length + 200_000)
    expect(after['imports']).toHaveLength(before['imports']!.length + 1)
  }, 300_000)

  it('killed at a random moment of the import', async () => {
    const { db, before } = await seededStore(
      'random.duckdb',
      fixture('line-items-small.csv'),
      '--preset',
      'line-items',
    )
    // Start-up takes a few hundred ms and the import several seconds: any moment in between is mid-import.
    const at = 400 + Math.floor(Math.random() * 1600)
    const killed = await runChild(importBig(db), {}, at)
    expect(killed.signal, `killed after ${at} ms`).toBe('SIGKILL')
    expect(await dumpFile(db)).toEqual(before)

    const normal = await runChild(importBig(db))
    expect(normal.code, normal.stderr).toBe(0)
    expect((await dumpFile(db))['orders']).toHaveLength(before['orders']!.length + 200_000)
  }, 300_000)
})
