import type { Connection } from '../sql/driver.js'
import { BGNBD_NAMES, type BgnbdFit, bgnbdObjective, fitBgnbd } from './bgnbd-fit.js'
import { bgnbdSqlObjective } from './bgnbd-sql-objective.js'
import type { BtydData, TimeUnit } from './btyd-data.js'
import { naturalScale } from './model-fit.js'
import { bfgsAsync, hessian, invert } from './optimizer.js'

/**
 * BG/NBD maximum likelihood for data too large to bring into TypeScript: the starts are searched on the
 * thinned copy `thin` (in memory), then BFGS finishes on every row with the likelihood and gradient
 * computed as SQL aggregates over `tuplesTable`, starting from the thinned optimum and its curvature, so
 * only a handful of queries run. Standard errors come from a forward-difference Hessian of the SQL gradient.
 *
 * @example
 * const fit = await fitBgnbdInStore(conn, 'btyd_summary_tuples', 'week', thin, { rows, customers })
 */
export async function fitBgnbdInStore(
  conn: Connection,
  tuplesTable: string,
  unit: TimeUnit,
  thin: BtydData,
  size: { rows: number; customers: number },
): Promise<BgnbdFit> {
  const rough = fitBgnbd(thin)
  const start = BGNBD_NAMES.map((name) => Math.log(rough.params[name]))
  const fg = await bgnbdSqlObjective(conn, tuplesTable, unit)
  const inverseHessian = invert(hessian(bgnbdObjective(thin), start))
  // Engine sums are parallel, so their last bits vary between runs: ask for a gradient well above that
  // noise and give up a line search early rather than chase it.
  const best = await bfgsAsync(fg, start, {
    gradTol: 1e-7,
    maxIter: 40,
    maxHalvings: 8,
    ...(inverseHessian ? { inverseHessian } : {}),
  })
  const h = 1e-5
  const columns: number[][] = []
  for (let j = 0; j < best.x.length; j++) {
    const g = (await fg(best.x.map((v, i) => (i === j ? v + h : v)))).g
    columns.push(g.map((gi, i) => ((gi - best.g[i]!) / h) * size.customers))
  }
  const cov = invert(columns.map((_, i) => columns.map((col, j) => 0.5 * (col[i]! + columns[i]![j]!))))
  return {
    model: 'bgnbd',
    ...naturalScale(BGNBD_NAMES, best.x, cov),
    logLikelihood: -best.f * size.customers,
    customers: size.customers,
    distinctRows: size.rows,
    iterations: rough.iterations + best.iterations,
    converged: best.converged,
  }
}
