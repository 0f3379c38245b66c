// Shared by bench/server-load.mjs and bench/server-kill.mjs: start `strata serve` as a child process on
// 127.0.0.1, make an API key first (the store admits one process at a time), time requests.
import { spawn, spawnSync } from 'node:child_process'
import http from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const BIN = join(ROOT, 'bin', 'strata.js')

/** Runs `strata …` to completion (before the server holds the store); returns stdout. */
export function strata(db, args, env = {}) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`strata ${args.join(' ')} failed: ${r.stderr}`)
  return r.stdout
}

/** An API key with the given scopes (created through the CLI while no server runs). */
export function apiKey(db, scopes) {
  return strata(db, ['apikey', 'create', `bench-${scopes}`, '--scopes', scopes]).trim()
}

/** Starts the server; resolves once /api/health answers. `child.output()` has what it printed. */
export async function startServer(db, port, extraArgs = [], env = {}, nodeArgs = []) {
  let output = ''
  const child = spawn(
    process.execPath,
    [...nodeArgs, BIN, '--db', db, 'serve', '--port', String(port), ...extraArgs],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const deadline = Date.now() + 300_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`)
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (r.ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return { child, output: () => output, stop: () => stopChild(child) }
}

export function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

// Keep-alive sockets and plain node:http (cheaper per request than fetch): the generator shares the
// machine with the server, so every client CPU cycle saved is one the server can use.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 })

/** POST JSON over a keep-alive socket; returns [status, ms]. */
export function post(url, key, body, headers = {}) {
  const data = Buffer.from(JSON.stringify(body))
  const t = performance.now()
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': data.length,
          authorization: `Bearer ${key}`,
          ...headers,
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve([res.statusCode, performance.now() - t]))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

/** Closes the idle keep-alive sockets (so the generator can exit). */
export function closeClients() {
  agent.destroy()
}

export async function getJson(url, key) {
  const r = await fetch(url, { headers: { authorization: `Bearer ${key}` } })
  return { status: r.status, body: await r.json() }
}
