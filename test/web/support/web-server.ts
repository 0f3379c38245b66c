import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** `strata serve` on a fresh temporary store and a random local port, as a separate process. */
export interface RunningServer {
  readonly url: string
  readonly dir: string
  stop(): Promise<void>
}

const BIN = join(process.cwd(), 'bin', 'strata.js')

/**
 * Starts the built CLI (`npm run build` makes dist/ and web/dist) and waits for its "serving on" line.
 * `db` defaults to a new store in a temporary folder, removed on stop.
 */
export async function startWebServer(o: { db?: string; timeoutMs?: number } = {}): Promise<RunningServer> {
  if (
    !existsSync(join(process.cwd(), 'dist', 'cli', 'main.js')) ||
    !existsSync(join(process.cwd(), 'web', 'dist', 'index.html'))
  )
    throw new Error('build first: npm run build (dist/ and web/dist/)')
  const dir = mkdtempSync(join(tmpdir(), 'strata-web-'))
  const db = o.db ?? join(dir, 'store.duckdb')
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], {
    env: { ...process.env, STRATA_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`strata serve did not start:\n${output}`)),
      o.timeoutMs ?? 30_000,
    )
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /serving on (http:\/\/[\d.]+:\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`strata serve exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
