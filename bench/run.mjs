// `npm run bench`: the analytics benchmark of issue 3 §6. Not a timed test — a script that prints a table.
//
//   node --expose-gc bench/run.mjs [--sizes 100000,1000000] [--import-max 200000] [--store-for N=FILE]
//                                  [--memory-limit 1000] [--keep] [--suites segments,personas,…]
//
// For each size N (customers; the demo generator makes ≈11.6 orders per customer):
//   generate  `strata demo --customers N --seed 1 --out DIR` (CSV/NDJSON files), or straight into a store
//             above --import-max, where importing through `strata import` would take tens of minutes here
//   (a) import  `strata import customers|orders|order-items|events|feedback FILE --source demo`
//   (b) analyze `analyze()` end to end on that store (bench/analyze-bench.mjs), with its stage times
//   (c) floor   one hand-written DuckDB statement: plain R/F/M quintiles (NTILE) over the same orders
// Every step is its own child process, so its peak RSS is its own (GNU time's %M, else the child's report).
// `--store-for 1000000=/path/demo.duckdb` reuses a store the demo generator already wrote with the same
// seed (a copy is measured), to spare a shared machine a second 10-minute generation.
// Then, on the largest store, the subsystems' benchmarks (`--suites`, see runSuites): segments (issue 5),
// personas and strategy (8), evaluation (9), server load and kill (6), web (7); `clickhouse` (10) opt-in.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const strata = join(root, 'bin', 'strata.js')
const stepScript = join(root, 'bench', 'analyze-bench.mjs')

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? fallback : process.argv[i + 1]
}
const sizes = option('sizes', '100000,1000000').split(',').map(Number)
const importMax = Number(option('import-max', '200000'))
const keep = process.argv.includes('--keep')
// analyze's engine memory cap (MB): the target is ≤ 1.5 GB peak RSS, Node and the engine together.
const memoryLimit = Number(option('memory-limit', '1000'))
const reuse = new Map(
  process.argv
    .flatMap((a, i) => (process.argv[i - 1] === '--store-for' ? [a.split('=')] : []))
    .map(([n, file]) => [Number(n), file]),
)
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null

/** Runs a child process; returns wall seconds, peak RSS (MB) and its stdout. */
function measure(label, args) {
  const timeFile = join(tmpdir(), `strata-bench-time-${process.pid}`)
  const command = gnuTime ? gnuTime : process.execPath
  const argv = gnuTime ? ['-f', '%e %M', '-o', timeFile, process.execPath, ...args] : args
  const started = process.hrtime.bigint()
  const child = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const wall = Number(process.hrtime.bigint() - started) / 1e9
  if (child.status !== 0) {
    process.stderr.write(child.stdout + child.stderr)
    throw new Error(`${label} failed (exit ${child.status})`)
  }
  let rssMB = null
  if (gnuTime) {
    const [, kb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ')
    rssMB = Number(kb) / 1024
  }
  return { label, seconds: wall, rssMB, stdout: child.stdout }
}

function lastJson(stdout) {
  return JSON.parse(stdout.trim().split('\n').at(-1))
}

/**
 * The subsystems' own benchmarks (issues 5–10), run on the largest analysed store of this run. Each script
 * copies what it writes to, measures its own reference in the same run and prints a markdown table.
 * `--suites a,b` chooses; `clickhouse` (a full Parquet round trip into chdb, tens of minutes) is opt-in.
 */
const suites = option('suites', 'segments,personas,strategy,evaluation,server,kill,web')
  .split(',')
  .filter(Boolean)
const suiteOutputs = []
function runSuites(db, dir) {
  const bench = (file) => join(root, 'bench', file)
  const copyOf = (name) => {
    const to = join(dir, `${name}.duckdb`)
    copyFileSync(db, to)
    return to
  }
  const commands = {
    segments: () => [bench('segments-bench.mjs'), '--source', db],
    personas: () => [bench('personas-bench.mjs'), '--store', db],
    strategy: () => [bench('strategy-bench.mjs'), copyOf('strategy'), String(memoryLimit * 3)],
    evaluation: () => [bench('evaluation-bench.mjs'), copyOf('evaluation')],
    server: () => [bench('server-load.mjs'), '--db', copyOf('server')],
    kill: () => [bench('server-kill.mjs')],
    web: () => [bench('web-bench.mjs'), '--db', db],
    clickhouse: () => [bench('clickhouse-bench.mjs'), '--source', db],
  }
  const out = []
  for (const suite of suites) {
    if (!commands[suite]) throw new Error(`unknown suite ${suite}: ${Object.keys(commands).join(', ')}`)
    process.stderr.write(`\n== suite ${suite}\n`)
    const m = measure(suite, commands[suite]())
    out.push(
      `\n### ${suite} (${m.seconds.toFixed(1)} s, peak RSS ${m.rssMB?.toFixed(0) ?? '—'} MB)\n\n${m.stdout.trim()}`,
    )
  }
  return out
}

const rows = []
const ratios = []
const modelRatios = []
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `strata-bench-${n}-`))
  const db = join(dir, 'bench.duckdb')
  const files = join(dir, 'files')
  process.stderr.write(`\n== ${n.toLocaleString('en')} customers (${dir})\n`)
  if (n <= importMax) {
    rows.push([
      n,
      'generate files',
      measure('generate', [strata, 'demo', '--customers', String(n), '--seed', '1', '--out', files]),
    ])
    const imports = [
      'customers:customers.csv',
      'orders:orders.csv',
      'order-items:order_items.csv',
      'events:events.ndjson',
      'feedback:feedback.csv',
    ]
    let seconds = 0
    let rssMB = 0
    for (const spec of imports) {
      const [kind, file] = spec.split(':')
      const m = measure(`import ${kind}`, [
        strata,
        'import',
        kind,
        join(files, file),
        '--source',
        'demo',
        '--db',
        db,
      ])
      process.stderr.write(`   import ${kind}: ${m.seconds.toFixed(1)} s, ${m.rssMB?.toFixed(0)} MB\n`)
      seconds += m.seconds
      rssMB = Math.max(rssMB, m.rssMB ?? 0)
    }
    rows.push([n, '(a) import (5 files)', { seconds, rssMB }])
  } else if (reuse.has(n)) {
    mkdirSync(dir, { recursive: true })
    copyFileSync(reuse.get(n), db)
    rows.push([n, `store copied from ${reuse.get(n)}`, { seconds: null, rssMB: null }])
  } else {
    rows.push([
      n,
      'generate into store',
      measure('generate', [strata, 'demo', '--customers', String(n), '--seed', '1', '--db', db]),
    ])
    rows.push([
      n,
      '(a) import',
      { seconds: null, rssMB: null, note: `skipped above --import-max ${importMax}` },
    ])
  }
  const analyze = measure('analyze', [stepScript, 'analyze', db, `--memory-limit=${memoryLimit}`])
  const a = lastJson(analyze.stdout)
  rows.push([n, '(b) analyze (process)', analyze])
  rows.push([n, '    analyze() call', { seconds: a.seconds, rssMB: a.maxRssMB }])
  for (const [stage, s] of Object.entries(a.stages)) rows.push([n, `      stage ${stage}`, { seconds: s }])
  const floor = measure('floor', [stepScript, 'floor', db])
  const f = lastJson(floor.stdout)
  rows.push([n, '(c) floor (process)', floor])
  rows.push([n, '    floor statement', { seconds: f.seconds, rssMB: f.maxRssMB }])
  ratios.push([n, a.seconds / f.seconds, a.stages.rfm / f.seconds, a.customers, a.scored])
  // Issue 4's benchmark on the same store: BTYD summary + BG/NBD and Gamma-Gamma fits + scoring of every
  // customer, beside a bare SQL summary query (bench/models-bench.mjs).
  const modelsRun = measure('models', [join(root, 'bench', 'models-bench.mjs'), db])
  const mb = JSON.parse(modelsRun.stdout)
  rows.push([n, '(d) models (process)', modelsRun])
  rows.push([n, '    bare SQL summary query', { seconds: mb.ms.bareSummaryQuery / 1000 }])
  rows.push([n, '    summary + fits', { seconds: mb.ms.summaryAndFits / 1000 }])
  rows.push([n, '    score every customer', { seconds: mb.ms.scoreAllCustomers / 1000 }])
  rows.push([n, '    models total', { seconds: mb.ms.total / 1000 }])
  modelRatios.push([n, mb.ms.total / mb.ms.bareSummaryQuery, mb.customers, mb.distinctSummaries])
  if (n === Math.max(...sizes)) suiteOutputs.push(...runSuites(db, dir))
  if (!keep) rmSync(dir, { recursive: true, force: true })
}

const fmt = (v, d) => (v === null || v === undefined ? '—' : v.toFixed(d))
console.log(
  `\nStrata analytics benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
    `node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`,
)
console.log('| customers | step | seconds | peak RSS (MB) |')
console.log('|---:|---|---:|---:|')
for (const [n, step, m] of rows) {
  console.log(
    `| ${n.toLocaleString('en')} | ${step} | ${fmt(m.seconds, 2)} | ${fmt(m.rssMB, 0)}${m.note ? ` (${m.note})` : ''} |`,
  )
}
console.log('\n| customers | scored | analyze / floor | RFM stage / floor |')
console.log('|---:|---:|---:|---:|')
for (const [, r, rfm, customers, scored] of ratios) {
  console.log(
    `| ${customers.toLocaleString('en')} | ${scored.toLocaleString('en')} | ${r.toFixed(1)}× | ${rfm.toFixed(2)}× |`,
  )
}
console.log('\n| customers | buyers fitted | distinct (x, t_x, T) | models total / bare summary |')
console.log('|---:|---:|---:|---:|')
for (const [n, r, buyers, distinct] of modelRatios) {
  console.log(
    `| ${n.toLocaleString('en')} | ${buyers.toLocaleString('en')} | ${distinct.toLocaleString('en')} | ${r.toFixed(2)}× |`,
  )
}
for (const text of suiteOutputs) console.log(text)
