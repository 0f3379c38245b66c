// Load test of live ingestion (127.0.0.1 only, bounded in time):
//   1. single events, C concurrent clients, for S seconds → events/s, p50/p99 latency;
//   2. batches of 500 events → events/s, p50/p99 per request;
//   3. single events again while an `analyze` runs in the server, and reads (a customer's segments) meanwhile;
//   4. time from a track call (purchases that make an At Risk customer a Champion) to the change being
//      visible through the API (`GET /api/customers/:id/segments`), p50/p99 over K customers, with
//      Champions, At Risk and `--segments` more saved dynamic segments re-evaluated per change.
//   node bench/server-load.mjs [--db COPY.duckdb | --customers 20000] [--seconds 5] [--clients 64] [--batch-clients 4] [--poll-ms 20]
//     [--visible 30] [--segments 4] [--phases single,batch,analyze,visible] [--profile DIR]
// With --db the given store is used as is (pass a COPY of a big store; it is modified); otherwise a demo
// store is generated in a temp dir and deleted. The generator is this process (keep-alive node:http
// clients); the server is a child process. Prints a markdown table with the server's and the generator's
// CPU per event, and the load average.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiKey, closeClients, getJson, percentile, post, startServer, strata } from './server-harness.mjs'

const argv = process.argv
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`)
  return i > 0 ? argv[i + 1] : dflt
}
const seconds = Number(opt('seconds', 5))
const clients = Number(opt('clients', 64))
const batchClients = Number(opt('batch-clients', 4))
// How often the visibility check polls (a tight loop would compete with the applier for the CPU).
const pollMs = Number(opt('poll-ms', 20))
const visibleN = Number(opt('visible', 30))
const extraSegments = Number(opt('segments', 4))
const phases = new Set(opt('phases', 'single,batch,analyze,visible').split(','))
const port = 19000 + Math.floor(Math.random() * 1000)
let dir = null
let db = opt('db', null)
if (!db) {
  dir = mkdtempSync(join(tmpdir(), 'strata-load-'))
  db = join(dir, 'strata.duckdb')
  strata(db, ['demo', '--customers', opt('customers', '20000'), '--seed', '1'])
  strata(db, ['analyze', '--no-models'])
}
const track = apiKey(db, 'track')
const admin = apiKey(db, 'admin')
const rows = []
const notes = []
const rss = []
const ids = []
let customersLoaded = 0

/** CPU seconds (user + system) the server process has used so far, from /proc. */
function cpuSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(f[11]) + Number(f[12])) / 100
  } catch {
    return NaN
  }
}
const clientCpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
let serverPid = 0
const base = `http://127.0.0.1:${port}`

async function sustained(label, perRequest, conc, makeBody) {
  const cpu0 = cpuSeconds(serverPid)
  const client0 = clientCpu()
  const url = `${base}/api/track`
  const lat = []
  let errors = 0
  let n = 0
  const until = performance.now() + seconds * 1000
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: conc }, async (_, w) => {
      for (let i = 0; performance.now() < until; i++) {
        const [status, ms] = await post(url, track, makeBody(w, i))
        if (status === 200) {
          lat.push(ms)
          n += perRequest
        } else errors++
      }
    }),
  )
  const elapsed = (performance.now() - t0) / 1000
  lat.sort((a, b) => a - b)
  // Server CPU per acknowledged event: what the throughput would be with a CPU to itself.
  const cpuMs = ((cpuSeconds(serverPid) - cpu0) * 1000) / Math.max(1, n)
  const clientMs = ((clientCpu() - client0) * 1000) / Math.max(1, n)
  rows.push([
    label,
    conc,
    Math.round(n / elapsed),
    percentile(lat, 50).toFixed(1),
    percentile(lat, 99).toFixed(1),
    errors,
    cpuMs.toFixed(3),
    Math.round(1000 / cpuMs),
    clientMs.toFixed(3),
    loadavg()[0].toFixed(1),
  ])
}

const event = (prefix, w, i, cust) => ({
  type: 'event',
  event_id: `${prefix}-${w}-${i}`,
  customer_id: ids[cust % ids.length],
  occurred_at: '2026-01-02 10:00:00',
  event: 'view',
  properties: { sku: `SKU${i % 100}` },
})

async function postJson(path, body) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json())
}

const EXTRA = [
  "lifecycle = 'Loyal'",
  'orders_count(within: 90d) >= 3',
  'spent(within: 365d) > 2000',
  "event_count('view', within: 30d) >= 1",
  "rfm_segment IN ('Loyal', 'Potential Loyalist') AND orders_count(within: 180d) >= 2",
  "city = '上海' AND spent > 500",
]

try {
  // --profile DIR: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = opt('profile', null)
  const server = await startServer(
    db,
    port,
    [],
    {},
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  )
  serverPid = server.child.pid
  const status = await getJson(`${base}/api/status`, admin)
  customersLoaded = status.body.counts.customers
  const N = customersLoaded
  // Real customer ids (events for existing customers, as a shop would send).
  const page = await getJson(`${base}/api/customers?limit=1000`, admin)
  ids.push(...page.body.items.map((c) => c.customer_id))
  if (phases.has('single'))
    await sustained('single event', 1, clients, (w, i) => event('s', w, i, ((w * 7919 + i * 104729) % N) + 1))
  if (phases.has('batch'))
    await sustained('batch of 500 events', 500, batchClients, (w, i) => ({
      items: Array.from({ length: 500 }, (_, k) =>
        event(`b-${w}-${i}`, 0, k, ((w * 31 + i * 500 + k) % N) + 1),
      ),
    }))
  if (phases.has('analyze')) {
    // While an analysis runs (the server runs it in its store queue; acknowledgements only need the
    // journal); a reader asks for one customer's segments meanwhile.
    const job = await postJson('/api/analyze', { models: false })
    const reads = []
    let reading = true
    const reader = (async () => {
      while (reading) {
        const t = performance.now()
        await getJson(`${base}/api/customers/${encodeURIComponent(ids[0])}/segments`, admin)
        reads.push(performance.now() - t)
      }
    })()
    await sustained('single event, during analyze', 1, clients, (w, i) =>
      event('a', w, i, ((w * 7919 + i * 104729) % N) + 1),
    )
    reading = false
    await reader
    reads.sort((a, b) => a - b)
    notes.push(
      `Reads during analyze (GET /api/customers/:id/segments, one reader): ${reads.length} in ${seconds} s, p50 ${percentile(reads, 50)?.toFixed(0)} ms, p99 ${percentile(reads, 99)?.toFixed(0)} ms`,
    )
    for (;;) {
      const j = await getJson(`${base}/api/jobs/${job.jobId}`, admin)
      if (j.body.state !== 'running') break
      await new Promise((r) => setTimeout(r, 500))
    }
  }

  if (phases.has('visible')) {
    // Visibility: a saved segment of Champions; At Risk customers buy a lot; poll until they are members.
    const stamp = Date.now()
    const seg = await postJson('/api/segments', {
      name: `Champions ${stamp}`,
      definition: "rfm_segment = 'Champions'",
    })
    const atRisk = await postJson('/api/segments', {
      name: `At Risk ${stamp}`,
      definition: "rfm_segment = 'At Risk'",
    })
    for (let k = 0; k < extraSegments; k++)
      await postJson('/api/segments', { name: `Extra ${k} ${stamp}`, definition: EXTRA[k % EXTRA.length] })
    const list = await getJson(`${base}/api/segments`, admin)
    const dynamic = (list.body.items ?? list.body.segments ?? []).filter((s) => s.kind === 'dynamic').length
    const members = await getJson(
      `${base}/api/segments/${atRisk.segment.segmentId}/members?limit=${visibleN}&includeUnconsented=true`,
      admin,
    )
    const riskIds = members.body.items.map((m) => m.customer_id)
    const visible = []
    const cpu0 = cpuSeconds(serverPid)
    for (const id of riskIds) {
      // Dated now: after the snapshot's asOf, so recency is 0 and the purchase counts as the newest.
      const when = new Date().toISOString()
      const orders = Array.from({ length: 40 }, (_, k) => ({
        type: 'order',
        order_id: `vis-${id}-${k}-${Date.now()}`,
        customer_id: id,
        ordered_at: when,
        amount: 5000,
      }))
      const t = performance.now()
      const [st] = await post(`${base}/api/track`, track, { items: orders })
      if (st !== 200) continue
      for (;;) {
        const r = await getJson(`${base}/api/customers/${encodeURIComponent(id)}/segments`, admin)
        if (r.body.segments?.some((s) => s.segment_id === seg.segment.segmentId)) break
        if (performance.now() - t > 30_000) break
        await new Promise((r) => setTimeout(r, pollMs))
      }
      visible.push(performance.now() - t)
    }
    visible.sort((a, b) => a - b)
    notes.push(
      `Track → segment change visible (${visible.length} At Risk customers → Champions, ${dynamic} saved dynamic segments): p50 ${percentile(visible, 50)?.toFixed(0)} ms, p99 ${percentile(visible, 99)?.toFixed(0)} ms, max ${visible.at(-1)?.toFixed(0)} ms; server CPU ${(cpuSeconds(serverPid) - cpu0).toFixed(1)} s; load ${loadavg()[0].toFixed(1)}`,
    )
  }
  const live = await getJson(`${base}/api/live/status`, admin)
  try {
    const status = readFileSync(`/proc/${serverPid}/status`, 'utf8')
    rss.push(Number(status.match(/VmHWM:\s+(\d+)/)[1]) / 1024)
  } catch {}
  closeClients()
  await server.stop()
  console.log(
    `Strata server load — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${customersLoaded.toLocaleString('en')} customers in the store\n`,
  )
  console.log(
    '| load | clients | events/s | p50 ms | p99 ms | errors | server CPU ms/event | events per server CPU-s | client CPU ms/event | load avg |',
  )
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const r of rows) console.log(`| ${r.join(' | ')} |`)
  console.log('')
  for (const n of notes) console.log(n)
  console.log(`Applier: ${JSON.stringify(live.body)}; server peak RSS ${rss[0]?.toFixed(0) ?? '?'} MB`)
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true })
}
