// Fault test: kill -9 the server while clients send single events, restart it, then check that every
// acknowledged event is in the store exactly once (none lost, none twice).
//   node bench/server-kill.mjs [--customers 2000] [--seconds 3] [--clients 16] [--rounds 2]
// Traffic goes to 127.0.0.1 only; bounded by --seconds per round. Works on a temp store it deletes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiKey, post, startServer, strata } from './server-harness.mjs'

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}
const customers = arg('customers', 2000)
const seconds = arg('seconds', 3)
const clients = arg('clients', 16)
const rounds = arg('rounds', 2)
const port = 18000 + Math.floor(Math.random() * 1000)

const dir = mkdtempSync(join(tmpdir(), 'strata-kill-'))
const db = join(dir, 'strata.duckdb')
try {
  strata(db, ['demo', '--customers', String(customers), '--seed', '1'])
  const key = apiKey(db, 'track')
  const acked = new Set()
  let sent = 0
  let failed = 0
  const replays = []
  for (let round = 1; round <= rounds; round++) {
    const server = await startServer(db, port)
    const m = server.output().match(/Replayed (\d+)/)
    replays.push(m ? Number(m[1]) : 0)
    const url = `http://127.0.0.1:${port}/api/track`
    let stop = false
    const worker = async (w) => {
      for (let i = 0; !stop; i++) {
        const id = `r${round}-w${w}-${i}`
        sent++
        try {
          const [status] = await post(url, key, {
            type: 'event',
            event_id: id,
            customer_id: `demo-${(i % customers) + 1}`,
            occurred_at: '2026-01-01 10:00:00',
            event: 'view',
          })
          if (status === 200) acked.add(id)
          else failed++
        } catch {
          failed++
          if (server.child.exitCode !== null || server.child.signalCode) return
        }
      }
    }
    const running = Array.from({ length: clients }, (_, w) => worker(w))
    await new Promise((r) => setTimeout(r, seconds * 1000))
    server.child.kill('SIGKILL')
    await new Promise((r) => server.child.once('exit', r))
    stop = true
    await Promise.all(running)
  }
  // Restart once more so the last round's journal is replayed, then stop cleanly and count.
  const last = await startServer(db, port)
  const m = last.output().match(/Replayed (\d+)/)
  replays.push(m ? Number(m[1]) : 0)
  await last.stop()
  const { openStore } = await import('../dist/store/store.js')
  await import('../dist/tables.js')
  const { sql } = await import('../dist/sql/fragment.js')
  const store = await openStore(db)
  const rows = await store.conn.all(
    sql`SELECT event_id, count(*) AS n FROM events WHERE source = 'live' GROUP BY event_id`,
  )
  await store.close()
  const stored = new Map(rows.map((r) => [r.event_id, Number(r.n)]))
  const missing = [...acked].filter((id) => !stored.has(id))
  const twice = rows.filter((r) => Number(r.n) > 1).length
  console.log(
    `Strata server kill test — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${clients} clients, ${rounds} kill -9 rounds of ${seconds}s\n`,
  )
  console.log(
    '| requests sent | acknowledged | not acknowledged | stored (distinct) | acknowledged but missing | stored twice | replayed at restarts |',
  )
  console.log('|---:|---:|---:|---:|---:|---:|---|')
  console.log(
    `| ${sent} | ${acked.size} | ${failed} | ${stored.size} | ${missing.length} | ${twice} | ${replays.join(', ')} |`,
  )
  if (missing.length || twice) process.exitCode = 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
