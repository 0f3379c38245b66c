// The segments benchmark of issue 5: on a COPY of the 1M-customer demo store (analysed once),
//   (a) floor     a bare `SELECT count(*) FROM orders GROUP BY customer_id` (one full scan of ~10M orders)
//   (b) preview   a five-condition rule mixing attributes, a score and two behaviour functions
//                 (target ≤ 300 ms), cold (first run) and warm (median of the next runs)
//   (c) create    20 segments, each materialised as it is saved (every member enters)
//   (d) refresh   full rematerialisation of the 20 segments in one transaction, a week later (relative
//                 windows move, so stays open and close) (target ≤ 5 s)
// Prints a markdown table with times, ratios to the floor and peak RSS. Not a timed test.
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

// Five conditions: two customer attributes, one score, two behaviour functions over two tables.
const PREVIEW_RULE =
  "city = '上海' AND age BETWEEN 25 AND 45 AND lifecycle IN ('Repeat', 'Loyal') " +
  "AND orders_count(within: 90d) >= 2 AND category_purchased('母婴', within: 180d)"

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
const seconds = (start) => (performance.now() - start) / 1000
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const loadBefore = loadavg()[0]
try {
  let t = performance.now()
  copyFileSync(source, db)
  const copySeconds = seconds(t)
  const store = await openStore(db)
  const conn = store.conn
  const ctx = await latestContext(conn, { fallbackAsOf: '2000-01-01' })
  if (!ctx.snapshotId) throw new Error('the store has no snapshot: run strata analyze on it first')
  const size = await conn.one(sql`SELECT (SELECT count(*) FROM customers) AS customers,
    (SELECT count(*) FROM orders) AS orders`)

  // (a) the floor, twice: the first also warms the file cache.
  const floor = []
  for (let i = 0; i < 2; i++) {
    t = performance.now()
    await conn.one(
      sql`SELECT count(*) AS n FROM (SELECT customer_id, count(*) AS c FROM orders GROUP BY customer_id) x`,
    )
    floor.push(seconds(t))
  }
  const floorSeconds = floor[1]

  // (b) preview
  const previews = []
  let preview
  for (let i = 0; i < runs + 1; i++) {
    preview = await previewSegment(conn, PREVIEW_RULE, { ctx, sample: 10, clock: () => performance.now() })
    previews.push(preview.elapsedMs / 1000)
  }
  const previewCold = previews[0]
  const previewWarm = median(previews.slice(1))
  // The language's query alone (count of its rows): the part of a preview the segments service does not own.
  const compiled = compileSegment(PREVIEW_RULE, conn.dialect, ctx)
  const bare = []
  for (let i = 0; i < runs; i++) {
    t = performance.now()
    await conn.one(sql`SELECT count(*) AS n FROM (${compiled.value.query}) q`)
    bare.push(seconds(t))
  }
  const bareWarm = median(bare)

  // (c) create 20 segments (each materialised on save)
  t = performance.now()
  let created = 0
  for (const [name, definition] of SEGMENTS) {
    const r = await createSegment(conn, { name, definition }, { now: `${ctx.asOf} 06:00:00`, ctx })
    created += r.size.members
  }
  const createSeconds = seconds(t)

  // (d) full rematerialisation a week later, one transaction
  const later = new Date(Date.parse(`${ctx.asOf}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
  t = performance.now()
  const perSegment = []
  let mark = t
  const sizes = await refreshSegments(conn, 'all', {
    now: `${later} 06:00:00`,
    ctx: { asOf: later, snapshotId: ctx.snapshotId },
    onSegment: (change) => {
      const at = performance.now()
      perSegment.push([change.segmentId, (at - mark) / 1000, change.members])
      mark = at
    },
  })
  const refreshSeconds = seconds(t)
  const sizesSeconds = (performance.now() - mark) / 1000
  const moved = sizes.reduce((a, s) => a + s.entered + s.exited, 0)
  const members = sizes.reduce((a, s) => a + s.members, 0)
  await store.close()
  const rssMB = process.resourceUsage().maxRSS / 1024

  const ms = (s) => `${(s * 1000).toFixed(0)} ms`
  const ratio = (s) => `${(s / floorSeconds).toFixed(1)}×`
  console.log(
    `Segments benchmark — ${size.customers.toLocaleString('en')} customers, ${size.orders.toLocaleString('en')} orders, ` +
      `snapshot ${ctx.snapshotId} (as of ${ctx.asOf}); copy of the store took ${copySeconds.toFixed(1)} s; ` +
      `load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} on this machine's cores (shared: ` +
      'compare the ratios to the floor, measured in the same run)\n',
  )
  console.log('| step | time | vs floor | target | notes |')
  console.log('|---|---:|---:|---:|---|')
  console.log(
    `| floor: count(*) FROM orders GROUP BY customer_id (warm) | ${ms(floorSeconds)} | 1.0× | — | cold ${ms(floor[0])} |`,
  )
  console.log(
    `| preview, 5 conditions (warm, median of ${runs}) | ${ms(previewWarm)} | ${ratio(previewWarm)} | ≤ 300 ms | ` +
      `${preview.members.toLocaleString('en')} members; cold ${ms(previewCold)} |`,
  )
  console.log(
    `| the language's query alone (count, warm median) | ${ms(bareWarm)} | ${ratio(bareWarm)} | — | ` +
      `preview overhead (scratch table, shares, sample) ${ms(previewWarm - bareWarm)} |`,
  )
  console.log(
    `| create 20 segments (materialise on save) | ${createSeconds.toFixed(2)} s | ${ratio(createSeconds)} | — | ` +
      `${created.toLocaleString('en')} stays opened |`,
  )
  console.log(
    `| refresh all 20 segments, one transaction | ${refreshSeconds.toFixed(2)} s | ${ratio(refreshSeconds)} | ≤ 5 s | ` +
      `${members.toLocaleString('en')} members, ${moved.toLocaleString('en')} entered+exited (as of ${later}) |`,
  )
  console.log(`| peak RSS (whole run) | ${rssMB.toFixed(0)} MB | | | |`)
  console.log(`\npreview rule: \`${PREVIEW_RULE}\``)
  console.log(
    '\nRefresh, per segment (new set, diff, close/open stays), then the size points of all 20 together:\n',
  )
  console.log('| segment | definition | time | vs floor | members |')
  console.log('|---|---|---:|---:|---:|')
  const defs = new Map(
    SEGMENTS.map(([name, definition]) => [
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      definition,
    ]),
  )
  for (const [id, secs, n] of perSegment) {
    console.log(
      `| ${id} | \`${defs.get(id) ?? ''}\` | ${ms(secs)} | ${ratio(secs)} | ${n.toLocaleString('en')} |`,
    )
  }
  console.log(`| (size points + revenue, all 20) | | ${ms(sizesSeconds)} | ${ratio(sizesSeconds)} | |`)
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true })
  else console.log(`kept ${db}`)
}
