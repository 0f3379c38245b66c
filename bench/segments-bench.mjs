// The segments benchmark of issue 5: on a COPY of the 1M-customer demo store (analysed once),
//   (a) floor     a bare `SELECT count(*) FROM orders GROUP BY customer_id` (one full scan of ~10M orders)
//   (b) preview   two five-condition rules mixing attributes, a score and two behaviour functions
//                 (orders only; orders + order_items) (target ≤ 300 ms): first run, then the median of
//                 --runs, and the language's query alone (so the service's own overhead shows)
//   (c) create    20 segments, each materialised as it is saved (every member enters)
//   (d) refresh   full rematerialisation of the 20 segments in one transaction, a week later (relative
//                 windows move, so stays open and close) (target ≤ 5 s)
// Prints markdown tables with wall and CPU times, ratios to the floor, per-segment refresh times and peak
// RSS. Not a timed test.
//
//   npm run build && node bench/segments-bench.mjs [--source /work/bench-data/demo-1m.duckdb] [--runs 5] [--keep]
//
// The source store is never opened: it is copied (DuckDB allows one process per file) and the copy removed.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import '../dist/tables.js'
import { createSegment, latestContext, previewSegment, refreshSegments } from '../dist/segments/index.js'
import { compileSegment } from '../dist/segments/language/index.js'
import { sql } from '../dist/sql/fragment.js'
import { openStore } from '../dist/store/store.js'

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? fallback : process.argv[i + 1]
}
const source = option('source', '/work/bench-data/demo-1m.duckdb')
const runs = Number(option('runs', '5'))
const keep = process.argv.includes('--keep')
if (!existsSync(source)) {
  console.error(`no store at ${source} (generate it with strata demo, then analyze)`)
  process.exit(2)
}

// Five conditions: two customer attributes, one score, two behaviour functions. The first reads orders
// only; the second reads orders and order_items (21.9M rows), the heaviest behaviour table.
const PREVIEW_RULES = [
  "city = '上海' AND age BETWEEN 25 AND 45 AND lifecycle IN ('Repeat', 'Loyal') " +
    'AND orders_count(within: 90d) >= 2 AND spent(within: 1y) > 500',
  "city = '上海' AND age BETWEEN 25 AND 45 AND lifecycle IN ('Repeat', 'Loyal') " +
    "AND orders_count(within: 90d) >= 2 AND category_purchased('母婴', within: 180d)",
]

// 20 segments as people would save them: RFM and lifecycle names, attribute rules and behaviour rules.
const SEGMENTS = [
  ['Champions', "rfm_segment = 'Champions'"],
  ['At Risk', "rfm_segment = 'At Risk'"],
  ['Cannot Lose Them', "rfm_segment = 'Cannot Lose Them'"],
  ['Hibernating', "rfm_segment = 'Hibernating'"],
  ['Lost', "rfm_segment = 'Lost'"],
  ['New', "lifecycle = 'New'"],
  ['Loyal', "lifecycle = 'Loyal'"],
  ['High value', "value_tier = 'high'"],
  ['High value at risk', "value_tier IN ('high', 'potential') AND lifecycle = 'At-risk'"],
  ['Price hunters', 'discount_share >= 0.6 AND frequency >= 3'],
  ['Shanghai women 25-35', "city = '上海' AND gender = 'F' AND age BETWEEN 25 AND 35"],
  ['Big spenders quiet 60d', 'm = 5 AND last_order_at < -60d'],
  ['Active 90d', 'orders_count(within: 90d) >= 1'],
  ['Frequent 90d', 'orders_count(within: 90d) >= 3'],
  ['Spent 1y > 2000', 'spent(within: 1y) > 2000'],
  ['Community regulars', 'community_orders(within: 90d) >= 3'],
  ['Mother & baby 180d', "category_purchased('母婴', within: 180d)"],
  ['Beauty spenders', "category_spent('美妆', within: 1y) >= 500"],
  ['Cart abandoners', "event_count('add_to_cart', within: 14d) >= 1 AND orders_count(within: 14d) = 0"],
  ['First-time 30-90d', 'frequency = 1 AND first_order_at >= -90d AND first_order_at < -30d'],
]

const dir = mkdtempSync(join(tmpdir(), 'strata-seg-bench-'))
const db = join(dir, 'demo.duckdb')
/** Wall and CPU seconds (this process: Node plus the engine's threads) of one awaited step. */
async function measure(work) {
  const cpu = process.cpuUsage()
  const t = performance.now()
  const value = await work()
  const used = process.cpuUsage(cpu)
  return { wall: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6, value }
}
/** The step run `runs` times: the run with the median wall time. */
async function medianOf(runs, work) {
  const all = []
  for (let i = 0; i < runs; i++) all.push(await measure(work))
  return all.sort((a, b) => a.wall - b.wall)[Math.floor(all.length / 2)]
}

const loadBefore = loadavg()[0]
try {
  const copy = await measure(() => copyFileSync(source, db))
  const store = await openStore(db)
  const conn = store.conn
  const ctx = await latestContext(conn, { fallbackAsOf: '2000-01-01' })
  if (!ctx.snapshotId) throw new Error('the store has no snapshot: run strata analyze on it first')
  const size = await conn.one(sql`SELECT (SELECT count(*) FROM customers) AS customers,
    (SELECT count(*) FROM orders) AS orders`)

  // (a) the floor: the first run also warms the file cache, so it is not counted.
  const floorQuery = sql`SELECT count(*) AS n FROM (SELECT customer_id, count(*) AS c FROM orders GROUP BY customer_id) x`
  const floorCold = await measure(() => conn.one(floorQuery))
  const floor = await medianOf(3, () => conn.one(floorQuery))

  // (b) previews: the first run computes the population cache (as refresh after analyze would have).
  const previews = []
  for (const rule of PREVIEW_RULES) {
    const cold = await measure(() => previewSegment(conn, rule, { ctx, sample: 10 }))
    const warm = await medianOf(runs, () => previewSegment(conn, rule, { ctx, sample: 10 }))
    // The language's query alone (count of its rows): the part of a preview the segments service does not own.
    const compiled = compileSegment(rule, conn.dialect, ctx)
    const bare = await medianOf(runs, () =>
      conn.one(sql`SELECT count(*) AS n FROM (${compiled.value.query}) q`),
    )
    previews.push({ rule, cold, warm, bare, members: warm.value.members })
  }

  // (c) create 20 segments (each materialised on save)
  const create = await measure(async () => {
    let opened = 0
    for (const [name, definition] of SEGMENTS) {
      opened += (await createSegment(conn, { name, definition }, { now: `${ctx.asOf} 06:00:00`, ctx })).size
        .members
    }
    return opened
  })

  // (d) full rematerialisation a week later, one transaction
  const later = new Date(Date.parse(`${ctx.asOf}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
  const perSegment = []
  let mark = performance.now()
  let cpuMark = process.cpuUsage()
  const refresh = await measure(() =>
    refreshSegments(conn, 'all', {
      now: `${later} 06:00:00`,
      ctx: { asOf: later, snapshotId: ctx.snapshotId },
      onSegment: (change) => {
        const at = performance.now()
        const cpu = process.cpuUsage(cpuMark)
        perSegment.push([change.segmentId, (at - mark) / 1000, (cpu.user + cpu.system) / 1e6, change.members])
        mark = at
        cpuMark = process.cpuUsage()
      },
    }),
  )
  const sizesSeconds = (performance.now() - mark) / 1000
  const sizes = refresh.value
  const moved = sizes.reduce((a, s) => a + s.entered + s.exited, 0)
  const members = sizes.reduce((a, s) => a + s.members, 0)
  await store.close()
  const rssMB = process.resourceUsage().maxRSS / 1024

  const ms = (s) => `${(s * 1000).toFixed(0)} ms`
  const ratio = (s) => `${(s / floor.wall).toFixed(1)}×`
  console.log(
    `Segments benchmark — ${size.customers.toLocaleString('en')} customers, ${size.orders.toLocaleString('en')} orders, ` +
      `snapshot ${ctx.snapshotId} (as of ${ctx.asOf}); copy of the store ${copy.wall.toFixed(1)} s; ` +
      `load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} (a shared machine: compare the ratios ` +
      'to the floor, measured in the same run, and CPU time)\n',
  )
  console.log('| step | wall | CPU | wall vs floor | target | notes |')
  console.log('|---|---:|---:|---:|---:|---|')
  console.log(
    `| floor: count(*) FROM orders GROUP BY customer_id (median of 3) | ${ms(floor.wall)} | ${ms(floor.cpu)} | 1.0× | — | first run ${ms(floorCold.wall)} |`,
  )
  previews.forEach((p, i) => {
    console.log(
      `| preview ${i + 1}, 5 conditions (median of ${runs}) | ${ms(p.warm.wall)} | ${ms(p.warm.cpu)} | ${ratio(p.warm.wall)} | ≤ 300 ms | ` +
        `${p.members.toLocaleString('en')} members; first run ${ms(p.cold.wall)} |`,
    )
    console.log(
      `| … its language query alone (count) | ${ms(p.bare.wall)} | ${ms(p.bare.cpu)} | ${ratio(p.bare.wall)} | — | ` +
        `service overhead (scratch table, shares, sample) ${ms(p.warm.wall - p.bare.wall)} |`,
    )
  })
  console.log(
    `| create 20 segments (materialise on save) | ${create.wall.toFixed(2)} s | ${create.cpu.toFixed(2)} s | ${ratio(create.wall)} | — | ` +
      `${create.value.toLocaleString('en')} stays opened |`,
  )
  console.log(
    `| refresh all 20 segments, one transaction | ${refresh.wall.toFixed(2)} s | ${refresh.cpu.toFixed(2)} s | ${ratio(refresh.wall)} | ≤ 5 s | ` +
      `${members.toLocaleString('en')} members, ${moved.toLocaleString('en')} entered+exited (as of ${later}) |`,
  )
  console.log(`| peak RSS (whole run) | ${rssMB.toFixed(0)} MB | | | | |`)
  for (const [i, p] of previews.entries()) console.log(`\npreview ${i + 1}: \`${p.rule}\``)
  console.log(
    '\nRefresh, per segment (new set, diff, close/open stays), then the size points of all 20 together and the commit:\n',
  )
  console.log('| segment | definition | wall | CPU | wall vs floor | members |')
  console.log('|---|---|---:|---:|---:|---:|')
  const defs = new Map(
    SEGMENTS.map(([name, definition]) => [
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      definition,
    ]),
  )
  for (const [id, secs, cpu, n] of perSegment) {
    console.log(
      `| ${id} | \`${defs.get(id) ?? ''}\` | ${ms(secs)} | ${ms(cpu)} | ${ratio(secs)} | ${n.toLocaleString('en')} |`,
    )
  }
  console.log(
    `| (size points + revenue for all 20, then COMMIT) | | ${ms(sizesSeconds)} | | ${ratio(sizesSeconds)} | |`,
  )
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true })
  else console.log(`kept ${db}`)
}
