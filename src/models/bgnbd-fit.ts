import { type BtydData, thinned } from './btyd-data.js'
import { fitLogParameterised, type ModelFit, type ModelParams } from './model-fit.js'
import type { ValueAndGradient } from './optimizer.js'
import { digamma, lgamma } from './special-functions.js'

/** BG/NBD parameter names, in the order of the log-parameter vector the optimiser works on. */
export const BGNBD_NAMES = ['r', 'alpha', 'a', 'b'] as const
/** BG/NBD parameters (Fader, Hardie & Lee 2005): purchase rate ~ Gamma(r, α), dropout p ~ Beta(a, b). */
export type BgnbdParams = ModelParams<(typeof BGNBD_NAMES)[number]>
export type BgnbdFit = ModelFit<keyof BgnbdParams>

/**
 * BG/NBD log-likelihood of one customer summary:
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x) ].
 *
 * @example
 * bgnbdLogLikelihood({ r: 0.2426, alpha: 4.414, a: 0.793, b: 2.426 }, 26, 30.857, 31)
 */
export function bgnbdLogLikelihood(p: BgnbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p
  const base =
    lgamma(r + x) -
    lgamma(r) +
    r * Math.log(alpha) +
    lgamma(a + b) +
    lgamma(b + x) -
    lgamma(b) -
    lgamma(a + b + x)
  const u = -(r + x) * Math.log(alpha + T)
  if (x === 0) return base + u
  const v = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx)
  const m = Math.max(u, v)
  return base + m + Math.log(Math.exp(u - m) + Math.exp(v - m))
}

/**
 * Mean negative log-likelihood over the data and its analytic gradient, both in log-parameters
 * (ln r, ln α, ln a, ln b). Terms that depend only on x, t_x or T are computed once per distinct value.
 *
 * @example
 * const { f, g } = bgnbdObjective(data)([0, 1, 0, 0])
 */
export function bgnbdObjective(data: BtydData): ValueAndGradient {
  const nx = data.xValues.length
  const xWeight = new Float64Array(nx)
  for (let i = 0; i < data.size; i++) xWeight[data.xIndex[i]!]! += data.weight[i]!
  const total = data.customers
  return (theta) => {
    const r = Math.exp(theta[0]!)
    const alpha = Math.exp(theta[1]!)
    const a = Math.exp(theta[2]!)
    const b = Math.exp(theta[3]!)
    // Per-distinct-x constants and their derivatives.
    let ll = 0
    let gr = 0
    let ga = 0
    let gb = 0
    const lnA4 = new Float64Array(nx)
    const dA4db = new Float64Array(nx)
    const lnAlpha = Math.log(alpha)
    const psiR = digamma(r)
    const psiAB = digamma(a + b)
    const psiB = digamma(b)
    const lgR = lgamma(r)
    const lgAB = lgamma(a + b)
    const lgB = lgamma(b)
    for (let k = 0; k < nx; k++) {
      const x = data.xValues[k]!
      const w = xWeight[k]!
      ll += w * (lgamma(r + x) - lgR + r * lnAlpha + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x))
      const psiABX = digamma(a + b + x)
      gr += w * (digamma(r + x) - psiR + lnAlpha)
      ga += w * (psiAB - psiABX)
      gb += w * (psiAB + digamma(b + x) - psiB - psiABX)
      if (x > 0) {
        lnA4[k] = Math.log(a) - Math.log(b + x - 1)
        dA4db[k] = -1 / (b + x - 1)
      }
    }
    let galpha = (r / alpha) * total
    const lnT = data.TValues.map((T) => Math.log(alpha + T))
    const invT = data.TValues.map((T) => 1 / (alpha + T))
    const lnTx = data.txValues.map((tx) => Math.log(alpha + tx))
    const invTx = data.txValues.map((tx) => 1 / (alpha + tx))
    const invA = 1 / a
    for (let i = 0; i < data.size; i++) {
      const w = data.weight[i]!
      const x = data.x[i]!
      const k = data.xIndex[i]!
      const ti = data.TIndex[i]!
      const rx = r + x
      const u = -rx * lnT[ti]!
      if (x === 0) {
        ll += w * u
        gr -= w * lnT[ti]!
        galpha -= w * rx * invT[ti]!
        continue
      }
      const si = data.txIndex[i]!
      const v = lnA4[k]! - rx * lnTx[si]!
      // Weights of the two mixture terms (alive through T / dropped after t_x), computed stably.
      let lse: number
      let wu: number
      if (u >= v) {
        const e = Math.exp(v - u)
        lse = u + Math.log1p(e)
        wu = 1 / (1 + e)
      } else {
        const e = Math.exp(u - v)
        lse = v + Math.log1p(e)
        wu = e / (1 + e)
      }
      const wv = 1 - wu
      ll += w * lse
      gr -= w * (wu * lnT[ti]! + wv * lnTx[si]!)
      galpha -= w * rx * (wu * invT[ti]! + wv * invTx[si]!)
      ga += w * wv * invA
      gb += w * wv * dA4db[k]!
    }
    return {
      f: -ll / total,
      g: [(-gr * r) / total, (-galpha * alpha) / total, (-ga * a) / total, (-gb * b) / total],
    }
  }
}

/**
 * Maximum-likelihood BG/NBD fit (BFGS on log-parameters with the analytic gradient, several starts).
 *
 * @example
 * const fit = fitBgnbd(data) // fit.params.r, fit.standardErrors.alpha, fit.logLikelihood
 */
export function fitBgnbd(data: BtydData): BgnbdFit {
  const rate = meanRate(data)
  const starts = [
    [1, 1, 1],
    [0.3, 0.8, 2.5],
    [3, 2, 5],
    [0.5, 0.3, 1],
  ].map(([r, a, b]) => [Math.log(r!), Math.log(r! / rate), Math.log(a!), Math.log(b!)])
  const small = thinned(data, COARSE_ROWS)
  const coarse = small === data ? undefined : bgnbdObjective(small)
  return fitLogParameterised(
    'bgnbd',
    BGNBD_NAMES,
    bgnbdObjective(data),
    starts,
    data.customers,
    data.size,
    coarse,
  )
}

/** Above this many distinct rows the starts are searched on a thinned copy first (see `thinned`). */
export const COARSE_ROWS = 20_000

/** Repeat purchases per unit of observed time: scales the starting α to the data's unit. */
export function meanRate(data: BtydData): number {
  let xs = 0
  let Ts = 0
  for (let i = 0; i < data.size; i++) {
    xs += data.weight[i]! * data.x[i]!
    Ts += data.weight[i]! * data.T[i]!
  }
  return xs > 0 && Ts > 0 ? xs / Ts : 1
}
