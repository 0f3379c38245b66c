// Evaluation and report timings on a demo store (run against dist/; the lead wires it into `npm run bench`):
//   node bench/evaluation-bench.mjs DB
// DB must be a COPY you own (it is written to): it needs one analysed snapshot; a second one, 28 days
// earlier, is added when missing. Prints a markdown table: each step's time, its ratio to the floor (a
// hand-written FULL OUTER JOIN counting the same transitions), and the process's peak RSS.
import { performance } from 'node:perf_hooks'
import { addDaysIso, analyze } from '../dist/analytics/index.js'
import {
  checkDrift,
  cohortTable,
  createCampaign,
  kpiSeries,
  measureCampaign,
  segmentMigration,
} from '../dist/evaluation/index.js'
import { gatherWeekly, renderWeeklyHtml } from '../dist/reports/index.js'
import '../dist/tables.js'
import { sql } from '../dist/sql/fragment.js'
import { openStore } from '../dist/store/store.js'

const db = process.argv[2]
if (!db) {
  console.error('usage: node bench/evaluation-bench.mjs DB')
  process.exit(2)
}
const store = await openStore(db)
const conn = store.conn
const snaps = await conn.all(
  sql`SELECT snapshot_id, strftime(as_of, '%Y-%m-%d') AS as_of FROM snapshots ORDER BY as_of`,
)
if (snaps.length === 0) throw new Error('analyse the store once first')
const latest = snaps.at(-1)
const rows = []
const time = async (label, work) => {
  const t0 = performance.now()
  const out = await work()
  rows.push([label, (performance.now() - t0) / 1000])
  return out
}
let earlier = snaps.length > 1 ? snaps.at(-2) : null
if (!earlier) {
  const asOf = addDaysIso(latest.as_of, -28)
  const r = await time(`analyze --as-of ${asOf} (setup)`, () => analyze(conn, { asOf }))
  earlier = { snapshot_id: r.snapshotId, as_of: asOf }
}
const customers = (
  await conn.one(sql`SELECT count(*) AS n FROM customer_scores WHERE snapshot_id = ${latest.snapshot_id}`)
).n
const floor = await time('floor: FULL OUTER JOIN count of transitions', () =>
  conn.all(sql`SELECT a.rfm_segment AS f, b.rfm_segment AS t, count(*) AS n
    FROM (SELECT customer_id, rfm_segment FROM customer_scores WHERE snapshot_id = ${earlier.snapshot_id}) a
    FULL OUTER JOIN (SELECT customer_id, rfm_segment FROM customer_scores WHERE snapshot_id = ${latest.snapshot_id}) b
    ON a.customer_id = b.customer_id GROUP BY 1, 2`),
)
void floor
await time('migration (RFM, with period revenue)', () =>
  segmentMigration(conn, { from: earlier.snapshot_id, to: latest.snapshot_id, dimension: 'rfm_segment' }),
)
await time('cohorts (12 months, CLV)', () =>
  cohortTable(conn, { asOf: latest.as_of, months: 12, snapshotId: latest.snapshot_id }),
)
await time('KPI series', () => kpiSeries(conn))
await time('drift check (3 groupings)', () => checkDrift(conn, { now: '2000-01-01 00:00:00' }))
const name = `bench-${Date.now()}`
const campaign = await time('campaign create (At Risk, 10% holdout)', () =>
  createCampaign(
    conn,
    {
      name,
      target: { kind: 'rfm_segment', value: 'At Risk' },
      snapshot: latest.snapshot_id,
      holdout: { kind: 'percent', value: 10 },
      seed: 1,
      start: addDaysIso(latest.as_of, -28),
      end: addDaysIso(latest.as_of, -1),
    },
    '2000-01-01 00:00:00',
  ),
)
await time('campaign measure', () => measureCampaign(conn, { campaign: campaign.campaignId }))
await time('weekly report: gather + HTML with 4 SVG charts', async () =>
  renderWeeklyHtml(await gatherWeekly(conn, { asOf: latest.as_of }), 'zh-CN', '2000-01-01 00:00:00'),
)
await store.close()
const ref = rows.find((r) => r[0].startsWith('floor'))[1]
console.log(
  `Evaluation on ${customers.toLocaleString('en')} customers (snapshots ${earlier.snapshot_id} → ${latest.snapshot_id}; audience ${campaign.plan.audience.toLocaleString('en')})\n`,
)
console.log('| step | seconds | × floor |')
console.log('|---|---:|---:|')
for (const [label, s] of rows) console.log(`| ${label} | ${s.toFixed(2)} | ${(s / ref).toFixed(1)} |`)
console.log(`\npeak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
