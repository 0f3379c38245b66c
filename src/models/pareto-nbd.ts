import { COARSE_ROWS, meanRate } from './bgnbd-fit.js'
import { type BtydData, thinned } from './btyd-data.js'
import { hyp2f1Log, hyp2f1LogPositive } from './hypergeometric.js'
import { fitLogParameterised, type ModelFit, type ModelParams } from './model-fit.js'
import { numericGradient } from './optimizer.js'
import { lgamma, logAddExp, logSubExp, oneMinusPowOver } from './special-functions.js'

/** Parameter names, in the order of the log-parameter vector the optimiser works on. */
const NAMES = ['r', 'alpha', 's', 'beta'] as const
/** Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987): λ ~ Gamma(r, α), μ ~ Gamma(s, β). */
export type ParetoNbdParams = ModelParams<(typeof NAMES)[number]>
export type ParetoNbdFit = ModelFit<keyof ParetoNbdParams>

/**
 * ln A₀ of Fader & Hardie's Pareto/NBD likelihood note, i.e. ln of ∫ from t_x to T of
 * (α+τ)^−(r+x)(β+τ)^−(s+1) dτ · (r+s+x), through ₂F₁ with the argument kept in [0, 1) by expanding around
 * the larger of α and β. −∞ when t_x = T.
 */
function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p
  const m = r + s + x
  const [big, b] = alpha >= beta ? [alpha, s + 1] : [beta, r + x]
  const diff = Math.abs(alpha - beta)
  const at = (t: number) => hyp2f1Log(m, b, m + 1, diff / (big + t)).log - m * Math.log(big + t)
  if (tx >= T) return Number.NEGATIVE_INFINITY
  return logSubExp(at(tx), at(T))
}

/** ln of the "alive at T" term: (α+T)^−(r+x) (β+T)^−s. */
function logAliveTerm(p: ParetoNbdParams, x: number, T: number): number {
  return -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T)
}

/**
 * Pareto/NBD log-likelihood of one customer summary:
 * ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln[(α+T)^−(r+x)(β+T)^−s + s/(r+s+x) · A₀].
 *
 * @example
 * paretoNbdLogLikelihood({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, 26, 30.857, 31)
 */
export function paretoNbdLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const head = lgamma(p.r + x) - lgamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta)
  const dead = Math.log(p.s / (p.r + p.s + x)) + logA0(p, x, tx, T)
  return head + logAddExp(logAliveTerm(p, x, T), dead)
}

/**
 * P(alive at T | x, t_x, T) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀).
 *
 * @example
 * paretoNbdPAlive(params, 26, 30.857, 31) // CDNOW customer 1516: 0.9979
 */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const logRatio = Math.log(p.s / (p.r + p.s + x)) + logA0(p, x, tx, T) - logAliveTerm(p, x, T)
  return logRatio > 700 ? 0 : 1 / (1 + Math.exp(logRatio))
}

/**
 * E[Y(t) | x, t_x, T]: purchases expected in (T, T+t] =
 * (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive), with the s = 1 limit.
 *
 * @example
 * paretoNbdConditionalExpected(params, 26, 30.857, 31, 52) // 25.456
 */
export function paretoNbdConditionalExpected(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  t: number,
  pAlive = paretoNbdPAlive(p, x, tx, T),
): number {
  const scale = ((p.r + x) / (p.alpha + T)) * (p.beta + T)
  return scale * oneMinusPowOver((p.beta + T) / (p.beta + T + t), p.s - 1) * pAlive
}

/**
 * E[X(t)] for a new customer: rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)].
 *
 * @example
 * paretoNbdExpected(params, 52) // CDNOW: 1.4734
 */
export function paretoNbdExpected(p: ParetoNbdParams, t: number): number {
  return ((p.r * p.beta) / p.alpha) * oneMinusPowOver(p.beta / (p.beta + t), p.s - 1)
}

/**
 * Mean negative log-likelihood in (ln r, ln α, ln s, ln β). Per-x Gamma terms are cached; the ₂F₁ terms
 * are per (x, t) and evaluated afresh.
 */
export function paretoNbdMeanNll(data: BtydData): (theta: readonly number[]) => number {
  const lnTxBig = new Float64Array(data.txValues.length)
  const lnTBig = new Float64Array(data.TValues.length)
  const lnAlphaT = new Float64Array(data.TValues.length)
  const lnBetaT = new Float64Array(data.TValues.length)
  return (theta) => {
    const r = Math.exp(theta[0]!)
    const alpha = Math.exp(theta[1]!)
    const s = Math.exp(theta[2]!)
    const beta = Math.exp(theta[3]!)
    const alphaBig = alpha >= beta
    const big = alphaBig ? alpha : beta
    const diff = Math.abs(alpha - beta)
    data.txValues.forEach((t, i) => {
      lnTxBig[i] = Math.log(big + t)
    })
    data.TValues.forEach((t, i) => {
      lnTBig[i] = Math.log(big + t)
      lnAlphaT[i] = Math.log(alpha + t)
      lnBetaT[i] = Math.log(beta + t)
    })
    const head = new Float64Array(data.xValues.length)
    const lnMix = new Float64Array(data.xValues.length)
    const lgR = lgamma(r)
    const rest = r * Math.log(alpha) + s * Math.log(beta)
    data.xValues.forEach((x, k) => {
      lnMix[k] = Math.log(s / (r + s + x))
      head[k] = lgamma(r + x) - lgR + rest + lnMix[k]!
    })
    let ll = 0
    for (let i = 0; i < data.size; i++) {
      const x = data.x[i]!
      const k = data.xIndex[i]!
      const ti = data.TIndex[i]!
      const si = data.txIndex[i]!
      const m = r + s + x
      const b = alphaBig ? s + 1 : r + x
      const alive = -(r + x) * lnAlphaT[ti]! - s * lnBetaT[ti]! - lnMix[k]!
      let a0 = Number.NEGATIVE_INFINITY
      if (data.tx[i]! < data.T[i]!) {
        const atTx = hyp2f1LogPositive(m, b, m + 1, diff / (big + data.txValues[si]!)) - m * lnTxBig[si]!
        const atT = hyp2f1LogPositive(m, b, m + 1, diff / (big + data.TValues[ti]!)) - m * lnTBig[ti]!
        a0 = logSubExp(atTx, atT)
      }
      ll += data.weight[i]! * (head[k]! + logAddExp(alive, a0))
    }
    return -ll / data.customers
  }
}

/**
 * Maximum-likelihood Pareto/NBD fit (BFGS on central-difference gradients, several starts: β is weakly
 * identified when few customers have died, so the surface is flat along it).
 *
 * @example
 * const fit = fitParetoNbd(data) // CDNOW: r 0.553, α 10.58, s 0.606, β 11.67
 */
export function fitParetoNbd(data: BtydData): ParetoNbdFit {
  const rate = meanRate(data)
  // [r, s, β/α]: α from the observed purchase rate, β around it (β far from α makes ₂F₁ slow and rarely wins).
  const starts = [
    [1, 1, 1],
    [0.5, 0.5, 2],
    [2, 1, 0.3],
  ].map(([r, s, ratio]) => [Math.log(r!), Math.log(r! / rate), Math.log(s!), Math.log((ratio! * r!) / rate)])
  // Starts are searched with cheap forward differences (on a thinned copy when the data is large); the
  // best is finished on all the data with central differences.
  const small = thinned(data, COARSE_ROWS)
  const coarse = numericGradient(paretoNbdMeanNll(small), 1e-6, 'forward')
  const full = numericGradient(paretoNbdMeanNll(data))
  return fitLogParameterised('pareto', NAMES, full, starts, data.customers, data.size, coarse)
}
