// Benchmark of the CLV models (issue 4): BTYD summary in SQL + BG/NBD and Gamma-Gamma fits + scoring of
// every customer, measured beside a bare SQL summary query over the same orders.
//   node bench/models-bench.mjs DB [CALIBRATION_END]      (after `npm run build`)
// or, from the orchestrator: `const { benchModels } = await import('./models-bench.mjs')`.
import { pathToFileURL } from 'node:url'

const dist = new URL('../dist/', import.meta.url)
const load = (path) => import(new URL(path, dist).href)

/**
 * Times each stage on the store at `dbPath`; returns milliseconds per stage plus sizes.
 * `calibrationEnd` defaults to the newest purchase date.
 */
export async function benchModels({ dbPath, calibrationEnd }) {
  const { openStore } = await load('store/store.js')
  const { sql } = await load('sql/fragment.js')
  const models = await load('models/index.js')
  const store = await openStore(dbPath)
  const conn = store.conn
  try {
    const end = calibrationEnd ?? (await models.latestPurchaseDate(conn))
    const period = models.calibrationWindow(end)
    const time = async (work) => {
      const started = performance.now()
      const value = await work()
      return { ms: Math.round(performance.now() - started), value }
    }
    const orders = await conn.one(sql`SELECT count(*) AS n FROM orders`)
    // The bare query: per-customer first/last purchase day and purchase-day count, nothing else.
    const bare = await time(() =>
      conn.one(sql`
        SELECT count(*) AS customers, sum(days) AS days FROM (
          SELECT customer_id, count(DISTINCT CAST(ordered_at AS DATE)) AS days,
            min(CAST(ordered_at AS DATE)) AS first_day, max(CAST(ordered_at AS DATE)) AS last_day
          FROM orders
          WHERE customer_id IS NOT NULL AND amount > 0 AND ordered_at < CAST(${`${period.ordersBefore} 00:00:00`} AS TIMESTAMP)
          GROUP BY customer_id) s`),
    )
    const total = await time(async () => {
      const summary = await time(() => models.createSummaryTable(conn, period, 'bench_summary'))
      const collapse = await time(() => models.loadBtydData(conn, 'bench_summary', 'week'))
      const bgnbd = await time(async () => models.fitBgnbd(collapse.value))
      const spend = await time(async () => {
        const bins = await models.loadSpendBins(conn, 'bench_summary')
        return { bins: bins.length, fit: models.fitGammaGamma(bins) }
      })
      const fitted = {
        summaryTable: 'bench_summary',
        unit: 'week',
        period,
        data: collapse.value,
        customers: collapse.value.customers,
        repeatBuyers: 0,
        bgnbd: bgnbd.value,
        gg: spend.value.fit,
        warnings: [],
      }
      const score = await time(() => models.scoreCustomers(conn, fitted, { startDate: models.addDaysIso?.(end, 1) ?? end }))
      const scored = await conn.one(sql`SELECT count(*) AS n, sum(clv_12m) AS clv FROM btyd_predictions`)
      return { summary, collapse, bgnbd, spend, score, scored }
    })
    const s = total.value
    return {
      orders: orders.n,
      customers: s.collapse.value.customers,
      distinctSummaries: s.collapse.value.size,
      spendBins: s.spend.value.bins,
      scored: s.scored.n,
      bgnbd: s.bgnbd.value.params,
      gg: s.spend.value.fit.params,
      ms: {
        bareSummaryQuery: bare.ms,
        summaryTable: s.summary.ms,
        collapseAndLoad: s.collapse.ms,
        fitBgnbd: s.bgnbd.ms,
        spendBinsAndFitGg: s.spend.ms,
        scoreAllCustomers: s.score.ms,
        total: total.ms,
      },
    }
  } finally {
    await store.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dbPath, calibrationEnd] = process.argv.slice(2)
  if (!dbPath) {
    process.stderr.write('usage: node bench/models-bench.mjs DB [CALIBRATION_END]\n')
    process.exit(2)
  }
  console.log(JSON.stringify(await benchModels({ dbPath, calibrationEnd }), null, 2))
}
