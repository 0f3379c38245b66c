// One measured step of the benchmark, run as its own process so its peak RSS is its own:
//   node bench/analyze-bench.mjs analyze DB [AS_OF]   → `analyze` end to end (open store … summary), with stage times
//   node bench/analyze-bench.mjs floor DB [AS_OF]     → the floor: one hand-written DuckDB statement, plain R/F/M quintiles
// Prints one JSON line on stdout: { step, seconds, cpuSeconds, stages?, stageCpuSeconds?, maxRssMB, … }, and
// the same figures as a markdown table on stderr (with the load average, since other work shares the cores).
// CPU seconds are the process's user + system time: the engine's threads run inside it. Reads ../dist.
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { analyze } from '../dist/analytics/index.js'
// Registers every subsystem's tables, so the store opens at the same schema version as the CLI's.
import '../dist/tables.js'
import { sql } from '../dist/sql/fragment.js'
import { openStore } from '../dist/store/store.js'

const [step, db, asOfArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const memoryArg = process.argv.find((a) => a.startsWith('--memory-limit='))
const memoryLimitMB = memoryArg ? Number(memoryArg.split('=')[1]) : undefined
if (!step || !db) {
  console.error('usage: node bench/analyze-bench.mjs analyze|floor DB [AS_OF]')
  process.exit(2)
}

const cpuSeconds = (since) => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1e6
}
const load0 = loadavg()
const cpu0 = process.cpuUsage()
const t0 = performance.now()
const store = await openStore(db)
const opened = performance.now()
const result = { step }

if (step === 'analyze') {
  const marks = []
  const out = await analyze(store.conn, {
    asOf: asOfArg,
    memoryLimitMB,
    onStage: (stage) => {
      marks.push([stage, performance.now(), process.cpuUsage()])
      process.stderr.write(`stage ${stage}\n`)
    },
  })
  const end = performance.now()
  const endCpu = process.cpuUsage()
  const stages = {}
  const stageCpuSeconds = {}
  marks.forEach(([stage, at, cpuAt], i) => {
    stages[stage] = ((marks[i + 1]?.[1] ?? end) - at) / 1000
    const next = marks[i + 1]?.[2] ?? endCpu
    stageCpuSeconds[stage] = (next.user + next.system - cpuAt.user - cpuAt.system) / 1e6
  })
  Object.assign(result, {
    seconds: (end - t0) / 1000,
    openSeconds: (opened - t0) / 1000,
    stages,
    stageCpuSeconds,
    customers: out.summary.customers,
    scored: out.summary.scored,
    asOf: out.asOf,
  })
} else if (step === 'floor') {
  // Plain RFM as people write it by hand: one aggregate, NTILE(5) per dimension, into a temp table.
  const asOf =
    asOfArg ??
    (await store.conn.one(sql`SELECT CAST(CAST(max(ordered_at) AS DATE) + 1 AS VARCHAR) AS d FROM orders`)).d
  const s = performance.now()
  await store.conn.run(sql`CREATE OR REPLACE TEMP TABLE floor_rfm AS
    SELECT customer_id,
      ntile(5) OVER (ORDER BY recency DESC) AS r,
      ntile(5) OVER (ORDER BY frequency) AS f,
      ntile(5) OVER (ORDER BY monetary) AS m
    FROM (
      SELECT customer_id,
        date_diff('day', max(CAST(ordered_at AS DATE)), CAST(${asOf} AS DATE)) AS recency,
        count(*) AS frequency,
        sum(amount) AS monetary
      FROM orders
      WHERE customer_id IS NOT NULL AND amount > 0 AND ordered_at < CAST(${asOf} AS TIMESTAMP)
      GROUP BY customer_id
    )`)
  const end = performance.now()
  const n = await store.conn.one(sql`SELECT count(*) AS n FROM floor_rfm`)
  Object.assign(result, {
    seconds: (end - s) / 1000,
    processSeconds: (end - t0) / 1000,
    customers: n.n,
    asOf,
  })
} else {
  console.error(`unknown step ${step}`)
  process.exit(2)
}
await store.close()
result.cpuSeconds = cpuSeconds(cpu0)
result.maxRssMB = process.resourceUsage().maxRSS / 1024
result.loadAvg1m = load0[0]
console.log(JSON.stringify(result))

const f = (x) => x.toFixed(2)
const lines = [
  `${step} — load ${load0.map((l) => l.toFixed(2)).join(' ')} at start, peak RSS ${Math.round(result.maxRssMB)} MB`,
  '',
  '| part | wall s | CPU s |',
  '|---|---:|---:|',
  `| ${step} (${step === 'analyze' ? 'open store … summary' : 'statement'}) | ${f(result.seconds)} | ${step === 'analyze' ? f(result.cpuSeconds) : '—'} |`,
  ...Object.entries(result.stages ?? {}).map(
    ([k, v]) => `|   stage ${k} | ${f(v)} | ${f(result.stageCpuSeconds[k])} |`,
  ),
]
process.stderr.write(`${lines.join('\n')}\n`)
