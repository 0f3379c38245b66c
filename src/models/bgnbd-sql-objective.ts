import type { Connection } from '../sql/driver.js'
import { ident, sql } from '../sql/fragment.js'
import { type TimeUnit, UNIT_DAYS } from './btyd-data.js'
import type { AsyncValueAndGradient } from './optimizer.js'
import { digamma, lgamma } from './special-functions.js'

/**
 * The BG/NBD mean negative log-likelihood and its gradient (log-parameters) evaluated WHERE THE DATA
 * LIVES: one aggregate query over the collapsed (x, tx_days, T_days, n) table per evaluation. Used for
 * data with hundreds of thousands of distinct summaries, whose rows would cost more to bring into
 * TypeScript than to sum in the engine. Terms that depend only on x (Γ and ψ functions, which SQL
 * engines do not all have) are computed here from the per-x weights; the per-row log-sum-exp and its
 * mixture weights are SQL. Same formulas as `bgnbdObjective`.
 *
 * @example
 * const fg = await bgnbdSqlObjective(conn, 'btyd_tuples', 'week')
 * const { f, g } = await fg([Math.log(0.24), Math.log(4.4), Math.log(0.79), Math.log(2.4)])
 */
export async function bgnbdSqlObjective(
  conn: Connection,
  tuplesTable: string,
  unit: TimeUnit,
): Promise<AsyncValueAndGradient> {
  const perX = await conn.all<{ x: number; w: number }>(
    sql`SELECT x, sum(n) AS w FROM ${ident(tuplesTable)} GROUP BY x`,
  )
  const total = perX.reduce((s, r) => s + Number(r.w), 0)
  const perUnit = UNIT_DAYS[unit]
  return async (theta) => {
    const [r, alpha, a, b] = theta.map(Math.exp) as [number, number, number, number]
    const T = sql`(CAST("T_days" AS DOUBLE) / ${perUnit})`
    const tx = sql`(CAST(tx_days AS DOUBLE) / ${perUnit})`
    const row = await conn.one<Record<string, number>>(sql`
      WITH terms AS (
        SELECT n AS w, x, ln(${alpha} + ${T}) AS lt_big, ln(${alpha} + ${tx}) AS lt_small,
          1.0 / (${alpha} + ${T}) AS it_big, 1.0 / (${alpha} + ${tx}) AS it_small,
          -(${r} + x) * ln(${alpha} + ${T}) AS u,
          CASE WHEN x > 0
            THEN ln(${a}) - ln(CASE WHEN x > 0 THEN ${b} + x - 1 ELSE 1 END) - (${r} + x) * ln(${alpha} + ${tx})
          END AS v
        FROM ${ident(tuplesTable)}
      ), mixed AS (
        SELECT w, x, lt_big, lt_small, it_big, it_small,
          CASE WHEN v IS NULL THEN u WHEN u >= v THEN u + ln(1 + exp(v - u)) ELSE v + ln(1 + exp(u - v)) END AS lse,
          CASE WHEN v IS NULL THEN 1.0 WHEN u >= v THEN 1.0 / (1 + exp(v - u)) ELSE exp(u - v) / (1 + exp(u - v)) END AS wu
        FROM terms
      )
      SELECT sum(w * lse) AS ll,
        sum(w * (wu * lt_big + (1 - wu) * lt_small)) AS dr,
        sum(w * (${r} + x) * (wu * it_big + (1 - wu) * it_small)) AS dalpha,
        sum(w * (1 - wu)) AS da,
        sum(CASE WHEN x > 0 THEN w * (1 - wu) / (${b} + x - 1) ELSE 0 END) AS db
      FROM mixed`)
    let ll = Number(row!['ll'])
    let gr = -Number(row!['dr'])
    const galpha = (r / alpha) * total - Number(row!['dalpha'])
    let ga = Number(row!['da']) / a
    let gb = -Number(row!['db'])
    const lnAlpha = Math.log(alpha)
    const psiR = digamma(r)
    const psiAB = digamma(a + b)
    const psiB = digamma(b)
    for (const { x, w: weight } of perX) {
      const w = Number(weight)
      ll +=
        w *
        (lgamma(r + x) -
          lgamma(r) +
          r * lnAlpha +
          lgamma(a + b) +
          lgamma(b + x) -
          lgamma(b) -
          lgamma(a + b + x))
      const psiABX = digamma(a + b + x)
      gr += w * (digamma(r + x) - psiR + lnAlpha)
      ga += w * (psiAB - psiABX)
      gb += w * (psiAB + digamma(b + x) - psiB - psiABX)
    }
    return {
      f: -ll / total,
      g: [(-gr * r) / total, (-galpha * alpha) / total, (-ga * a) / total, (-gb * b) / total],
    }
  }
}
