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
    // Wall time, and CPU time of the process (all engine threads) — the machine may be shared.
    const time = async (work) => {
      const started = performance.now()
      const cpu = process.cpuUsage()
      const value = await work()
      const used = process.cpuUsage(cpu)
      return {
        ms: Math.round(performance.now() - started),
        cpuMs: Math.round((used.user + used.system) / 1000),
        value,
      }
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
      const fit = await time(() =>
        models.fitModels(conn, period, { unit: 'week', models: 'bgnbd+gg', summaryTable: 'bench_summary' }),
      )
      if (!fit.value.ok) throw new Error(JSON.stringify(fit.value.diagnostics))
      const fitted = fit.value.value
      const score = await time(() =>
        models.scoreCustomers(conn, fitted, { startDate: models.addDaysIso(end, 1) }),
      )
      const scored = await conn.one(sql`SELECT count(*) AS n, sum(clv_12m) AS clv FROM btyd_predictions`)
      return { fit, fitted, score, scored }
    })
    const stages = await time(async () => {
      // The same work stage by stage (a second run: warm caches), for where the time goes.
      const summary = await time(() => models.createSummaryTable(conn, period, 'bench_summary'))
      const collapse = await time(() => models.createTuplesTable(conn, 'bench_summary'))
      return { summary: summary.ms, collapse: collapse.ms }
    })
    const s = total.value
    return {
      orders: orders.n,
      customers: s.fitted.customers,
      distinctSummaries: s.fitted.bgnbd.distinctRows,
      fitInStore: !s.fitted.dataComplete,
      scored: s.scored.n,
      bgnbd: s.fitted.bgnbd.params,
      bgnbdLogLikelihood: s.fitted.bgnbd.logLikelihood,
      gg: s.fitted.gg?.params,
      cpuMs: {
        bareSummaryQuery: bare.cpuMs,
        summaryAndFits: s.fit.cpuMs,
        scoreAllCustomers: s.score.cpuMs,
        total: total.cpuMs,
      },
      ms: {
        bareSummaryQuery: bare.ms,
        summaryAndFits: s.fit.ms,
        scoreAllCustomers: s.score.ms,
        total: total.ms,
        summaryTableAlone: stages.value.summary,
        collapseAlone: stages.value.collapse,
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
