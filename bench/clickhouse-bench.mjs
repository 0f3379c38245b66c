// Issue 10: `analyze` on embedded ClickHouse (chdb) beside DuckDB, on the same data. Not a timed test —
// a script that prints markdown tables. Reads the built code in ../dist (`npm run build` first).
//
//   node bench/clickhouse-bench.mjs [--source /work/bench-data/demo-1m.duckdb] [--customers N] [--no-models]
//                                   [--memory-limit MB] [--out FILE] [--keep]
//
//   copy     the source DuckDB store is copied (the original is never opened for writing)
//   export   the canonical tables of the copy → Parquet (DuckDB's writer); --customers N keeps the first N
//            customers and their rows, to measure a smaller size from the same store
//   load     a fresh chdb store (`strata init` schema) ← the Parquet files, with ClickHouse's Parquet reader
//   analyze  `analyze()` end to end on the DuckDB copy and on chdb (same asOf), each in its own process
// Every step is a child process, so its peak RSS is its own (GNU time's %M). The segment tables of both
// runs are compared row by row. Copies are deleted at the end unless --keep.
//
//   node bench/clickhouse-bench.mjs --import FILE [--kind orders] [--preset line-items]
//
//   import   `importFile` of one file into a fresh DuckDB store and a fresh chdb store, each in its own
//            process: wall and CPU seconds, peak RSS, the stored counts (must match) and, on chdb, the
//            data parts per table (one INSERT … SELECT per table).
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const self = fileURLToPath(import.meta.url)
const root = join(dirname(self), '..')
const dist = (p) => join(root, 'dist', p)
const TABLES = ['customers', 'customer_identities', 'orders', 'order_items', 'events', 'feedback']

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? fallback : process.argv[i + 1]
}

// ---------------------------------------------------------------------------------------------------
// Child steps: `node bench/clickhouse-bench.mjs step <name> …` prints one JSON line.
if (process.argv[2] === 'step') {
  await import(dist('tables.js'))
  const { openStore } = await import(dist('store/store.js'))
  const { sql, ident, raw } = await import(dist('sql/fragment.js'))
  const { analyze } = await import(dist('analytics/index.js'))
  const { predictStep } = await import(dist('models/index.js'))
  const [, , , name, a, b, c, d, e] = process.argv.filter(
    (x, i, all) => !x.startsWith('--') && !all[i - 1]?.startsWith('--memory'),
  )
  const t0 = performance.now()
  const out = { step: name }
  if (name === 'export') {
    // a = DuckDB copy, b = Parquet directory, c = customer limit (0 = all)
    const store = await openStore(a)
    const limit = Number(c)
    const keep = limit
      ? sql`customer_id IN (SELECT customer_id FROM customers ORDER BY customer_id LIMIT ${limit})`
      : sql`TRUE`
    const where = {
      customers: keep,
      customer_identities: keep,
      orders: sql`(customer_id IS NULL OR ${keep})`,
      order_items: limit
        ? sql`(source, order_id) IN (SELECT source, order_id FROM orders WHERE customer_id IS NULL OR ${keep})`
        : sql`TRUE`,
      events: sql`(customer_id IS NULL OR ${keep})`,
      feedback: sql`(customer_id IS NULL OR ${keep})`,
    }
    out.rows = {}
    for (const t of TABLES) {
      await store.conn.copyToFile(
        sql`SELECT * FROM ${ident(t)} WHERE ${where[t]}`,
        join(b, `${t}.parquet`),
        'parquet',
      )
      const n = await store.conn.one(sql`SELECT count(*) AS n FROM ${ident(t)} WHERE ${where[t]}`)
      out.rows[t] = n.n
    }
    // The same subset must be what DuckDB analyses: rewrite the copy to hold only it.
    if (limit) {
      for (const t of TABLES) await store.conn.run(sql`DELETE FROM ${ident(t)} WHERE NOT (${where[t]})`)
      await store.conn.run(raw('CHECKPOINT'))
    }
    await store.close()
  } else if (name === 'load') {
    // a = chdb directory, b = Parquet directory
    const store = await openStore({ engine: 'chdb', path: a, database: 'bench' })
    out.rows = {}
    for (const t of TABLES) {
      const file = join(b, `${t}.parquet`)
      const cols = Object.keys(
        (await store.conn.one(
          sql`SELECT * FROM ${store.conn.dialect.bulkFileRelation(file, 'parquet')} LIMIT 1`,
        )) ?? {},
      )
      const list = raw(cols.map((x) => store.conn.dialect.quoteIdent(x)).join(', '))
      await store.conn.run(
        sql`INSERT INTO ${ident(t)} (${list}) SELECT ${list} FROM ${store.conn.dialect.bulkFileRelation(file, 'parquet')}`,
      )
      out.rows[t] = (await store.conn.one(sql`SELECT count(*) AS n FROM ${ident(t)}`)).n
    }
    await store.close()
  } else if (name === 'analyze') {
    // a = 'duckdb' | 'chdb', b = location, c = asOf
    const store =
      a === 'duckdb' ? await openStore(b) : await openStore({ engine: 'chdb', path: b, database: 'bench' })
    const opened = performance.now()
    const marks = []
    const result = await analyze(store.conn, {
      asOf: c || undefined,
      ...(a === 'duckdb' ? { memoryLimitMB: Number(option('memory-limit', '1000')) } : {}),
      // Models fitted as `strata analyze` does, unless --no-models.
      ...(process.argv.includes('--no-models') ? {} : { predict: predictStep }),
      onStage: (s) => marks.push([s, performance.now()]),
    })
    const end = performance.now()
    out.stages = Object.fromEntries(marks.map(([s, at], i) => [s, ((marks[i + 1]?.[1] ?? end) - at) / 1000]))
    out.openSeconds = (opened - t0) / 1000
    out.asOf = result.asOf
    out.customers = result.summary.customers
    out.scored = result.summary.scored
    out.revenue = result.summary.revenue
    out.segments = result.summary.bySegment.map((s) => [s.key, s.customers, s.revenue])
    out.lifecycle = result.summary.byLifecycle.map((s) => [s.key, s.customers, s.revenue])
    out.tiers = result.summary.byValueTier.map((s) => [s.key, s.customers, s.revenue])
    await store.close()
  }
  if (name === 'import') {
    // a = engine (duckdb | chdb), b = store path, c = file, d = kind, e = preset
    const { importFile } = await import(dist('ingest/import-file.js'))
    await import(dist('i18n/messages/index.js'))
    const store = await openStore(a === 'chdb' ? { engine: 'chdb', path: b, database: 'strata' } : b)
    const r = await importFile(store.conn, {
      kind: d,
      file: c,
      preset: e,
      today: '2026-11-23',
      startedAt: '2026-11-23 10:00:00',
    })
    out.status = r.status
    out.rows = r.report.rows
    out.stored = await store.conn.one(sql`SELECT (SELECT count(*) FROM orders) AS orders,
      (SELECT count(*) FROM order_items) AS items, (SELECT count(*) FROM customers) AS customers,
      (SELECT sum(amount) FROM orders) AS net`)
    if (a === 'chdb') {
      out.parts = await store.conn.all(sql`SELECT table, count() AS parts FROM system.parts
        WHERE database = currentDatabase() AND active AND rows > 0 GROUP BY table ORDER BY table`)
    }
    await store.close()
  }
  const usage = process.resourceUsage()
  out.cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6
  out.seconds = (performance.now() - t0) / 1000
  out.maxRssMB = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${JSON.stringify(out)}\n`)
  process.exit(0)
}

// ---------------------------------------------------------------------------------------------------
// Driver.
const importFileArg = option('import', null)
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
if (importFileArg) {
  const work = mkdtempSync(join(tmpdir(), 'strata-chbench-import-'))
  try {
    const how = [importFileArg, option('kind', 'orders'), option('preset', 'generic')]
    const duck = measure('import into DuckDB', ['import', 'duckdb', join(work, 'i.duckdb'), ...how])
    const ch = measure('import into chdb', ['import', 'chdb', join(work, 'ch'), ...how])
    const fmt = (n, d = 1) => Number(n).toFixed(d)
    const lines = [
      `### strata import on chdb beside DuckDB — ${importFileArg} (${duck.rows.read.toLocaleString('en')} rows)`,
      '',
      '| engine | wall s | × DuckDB | CPU s (user+sys) | peak RSS (MB) |',
      '|---|---:|---:|---:|---:|',
      ...[duck, ch].map(
        (r) =>
          `| ${r.label} | ${fmt(r.wall)} | ${fmt(r.wall / duck.wall, 2)} | ${fmt(r.cpuSeconds)} | ${fmt(r.rssMB, 0)} |`,
      ),
      '',
      `Same stored counts: ${JSON.stringify(duck.stored) === JSON.stringify(ch.stored) ? 'yes' : 'NO'} ${JSON.stringify(ch.stored)}`,
      `chdb data parts per table: ${ch.parts.map((p) => `${p.table} ${p.parts}`).join(', ')}`,
    ]
    console.log(lines.join('\n'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  process.exit(0)
}
const source = option('source', '/work/bench-data/demo-1m.duckdb')
const customers = Number(option('customers', '0'))
const keep = process.argv.includes('--keep')
if (!existsSync(source)) {
  console.error(`no source store at ${source}`)
  process.exit(2)
}

function measure(label, args) {
  const timeFile = join(tmpdir(), `strata-chbench-time-${process.pid}`)
  const argv = gnuTime
    ? ['-f', '%e %M', '-o', timeFile, process.execPath, self, 'step', ...args]
    : [self, 'step', ...args]
  const started = performance.now()
  const child = spawnSync(gnuTime ?? process.execPath, argv, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  const seconds = (performance.now() - started) / 1000
  if (child.status !== 0) {
    process.stderr.write(child.stdout + child.stderr)
    throw new Error(`${label} failed (exit ${child.status})`)
  }
  const report = JSON.parse(child.stdout.trim().split('\n').at(-1))
  let rssMB = report.maxRssMB
  if (gnuTime) rssMB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ')[1]) / 1024
  process.stderr.write(`${label}: ${seconds.toFixed(1)} s, ${rssMB.toFixed(0)} MB\n`)
  return { ...report, label, wall: seconds, rssMB }
}

const work = mkdtempSync(join(tmpdir(), 'strata-chbench-'))
const copy = join(work, 'copy.duckdb')
const parquet = join(work, 'parquet')
const chdbDir = join(work, 'chdb')
mkdirSync(parquet)
const rows = []
try {
  const c0 = performance.now()
  copyFileSync(source, copy)
  process.stderr.write(`copy: ${((performance.now() - c0) / 1000).toFixed(1)} s\n`)
  const exported = measure('export to Parquet (DuckDB)', ['export', copy, parquet, String(customers)])
  const loaded = measure('load Parquet into chdb', ['load', chdbDir, parquet])
  for (const t of TABLES) {
    if (exported.rows[t] !== loaded.rows[t])
      throw new Error(`${t}: ${exported.rows[t]} exported, ${loaded.rows[t]} loaded`)
  }
  const extra = [
    ...(process.argv.includes('--no-models') ? ['--no-models'] : []),
    '--memory-limit',
    option('memory-limit', '1000'),
  ]
  // chdb first: its default asOf (the day after the newest order) is then given to DuckDB explicitly.
  const ch = measure('analyze on chdb', ['analyze', 'chdb', chdbDir, '', ...extra])
  const duck = measure('analyze on DuckDB', ['analyze', 'duckdb', copy, ch.asOf, ...extra])
  rows.push(exported, loaded, duck, ch)

  const fmt = (n, d = 1) => (n === null || n === undefined ? '—' : Number(n).toFixed(d))
  const lines = []
  lines.push(
    `### analyze on chdb beside DuckDB — ${duck.customers.toLocaleString('en')} customers, ${exported.rows.orders.toLocaleString('en')} orders (asOf ${duck.asOf})`,
  )
  lines.push('')
  lines.push('| step | seconds | × DuckDB analyze | peak RSS (MB) |')
  lines.push('|---|---:|---:|---:|')
  for (const r of rows)
    lines.push(`| ${r.label} | ${fmt(r.wall)} | ${fmt(r.wall / duck.wall, 2)} | ${fmt(r.rssMB, 0)} |`)
  lines.push('')
  lines.push('| stage | DuckDB (s) | chdb (s) |')
  lines.push('|---|---:|---:|')
  for (const s of Object.keys(duck.stages))
    lines.push(`| ${s} | ${fmt(duck.stages[s], 2)} | ${fmt(ch.stages[s], 2)} |`)
  lines.push('')
  const same = (k) => JSON.stringify(duck[k]) === JSON.stringify(ch[k])
  lines.push(
    `Same numbers: segments ${same('segments') ? 'yes' : 'NO'}, lifecycle ${same('lifecycle') ? 'yes' : 'NO'}, value tiers ${same('tiers') ? 'yes' : 'NO'}, scored ${duck.scored} / ${ch.scored}, revenue ${duck.revenue} / ${ch.revenue}.`,
  )
  lines.push('')
  lines.push('| segment | customers (DuckDB) | customers (chdb) | revenue (DuckDB) | revenue (chdb) |')
  lines.push('|---|---:|---:|---:|---:|')
  duck.segments.forEach((s, i) => {
    const o = ch.segments[i] ?? []
    lines.push(`| ${s[0] ?? '(not scored)'} | ${s[1]} | ${o[1]} | ${fmt(s[2], 2)} | ${fmt(o[2], 2)} |`)
  })
  const text = lines.join('\n')
  console.log(text)
  const out = option('out', null)
  if (out) writeFileSync(out, `${text}\n`)
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true })
  else process.stderr.write(`kept ${work}\n`)
}
