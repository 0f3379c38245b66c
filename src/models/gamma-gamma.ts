import type { SpendBin } from './btyd-summary.js'
import { fitLogParameterised, type ModelFit, type ModelParams } from './model-fit.js'
import type { ValueAndGradient } from './optimizer.js'
import { digamma, lgamma } from './special-functions.js'

/** Parameter names, in the order of the log-parameter vector the optimiser works on. */
const NAMES = ['p', 'q', 'gamma'] as const
/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): each purchase value ~ Gamma(p, ν),
 * ν ~ Gamma(q, γ) across customers. Fitted on repeat buyers' mean repeat-purchase value m and count x.
 */
export type GammaGammaParams = ModelParams<(typeof NAMES)[number]>
export type GammaGammaFit = ModelFit<keyof GammaGammaParams>

/**
 * ln L of one customer: ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ+mx).
 *
 * @example
 * gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 35.5)
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params
  const px = p * x
  return (
    lgamma(px + q) -
    lgamma(px) -
    lgamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + m * x)
  )
}

/**
 * Mean negative log-likelihood over spend bins and its analytic gradient in (ln p, ln q, ln γ).
 *
 * @example
 * gammaGammaObjective(bins)([1.8, 1.3, 2.7]).f
 */
export function gammaGammaObjective(bins: readonly SpendBin[]): ValueAndGradient {
  const total = bins.reduce((s, b) => s + b.n, 0)
  // ln m at the bin's geometric mean: exact for one-customer bins, within the binning resolution otherwise.
  const repM = bins.map((b) => Math.exp(b.sumLogM / b.n))
  return (theta) => {
    const p = Math.exp(theta[0]!)
    const q = Math.exp(theta[1]!)
    const gamma = Math.exp(theta[2]!)
    const lgQ = lgamma(q)
    const psiQ = digamma(q)
    const lnGamma = Math.log(gamma)
    let ll = 0
    let gp = 0
    let gq = 0
    let gg = 0
    let lastX = -1
    let lg = 0
    let psiPxq = 0
    let psiPx = 0
    bins.forEach((bin, i) => {
      const { x, n, sumLogM } = bin
      const px = p * x
      if (x !== lastX) {
        lg = lgamma(px + q) - lgamma(px) - lgQ
        psiPxq = digamma(px + q)
        psiPx = digamma(px)
        lastX = x
      }
      const lnDen = Math.log(gamma + repM[i]! * x)
      const lnX = Math.log(x)
      ll += n * (lg + q * lnGamma + px * lnX - (px + q) * lnDen) + (px - 1) * sumLogM
      gp += x * (n * (psiPxq - psiPx + lnX - lnDen) + sumLogM)
      gq += n * (psiPxq - psiQ + lnGamma - lnDen)
      gg += n * (q / gamma - (px + q) / (gamma + repM[i]! * x))
    })
    return { f: -ll / total, g: [(-gp * p) / total, (-gq * q) / total, (-gg * gamma) / total] }
  }
}

const COARSE_BINS = 10_000

/**
 * Maximum-likelihood Gamma-Gamma fit.
 *
 * @example
 * const fit = fitGammaGamma(bins) // CDNOW: p 6.25, q 3.74, γ 15.44
 */
export function fitGammaGamma(bins: readonly SpendBin[]): GammaGammaFit {
  const total = bins.reduce((s, b) => s + b.n, 0)
  const meanM = bins.reduce((s, b) => s + b.sumM, 0) / Math.max(1, total)
  // E[M] = pγ/(q−1): starts that put the population mean at the observed mean.
  const starts = [
    [1, 2, meanM],
    [5, 3, (2 * meanM) / 5],
    [2, 5, 2 * meanM],
    [10, 10, meanM],
  ].map(([p, q, g]) => [Math.log(p!), Math.log(q!), Math.log(g!)])
  // Many bins (large data): search the starts on every k-th bin, finish on all of them.
  const step = Math.ceil(bins.length / COARSE_BINS)
  const coarse = step > 1 ? gammaGammaObjective(bins.filter((_, i) => i % step === 0)) : undefined
  return fitLogParameterised('gg', NAMES, gammaGammaObjective(bins), starts, total, bins.length, coarse)
}

/**
 * Expected mean purchase value of a customer with x repeat purchases of mean m (the posterior mean of
 * p/ν): a weighted average of the population mean pγ/(q−1) and the customer's own mean. For x = 0 it is
 * the population mean. Needs q > 1.
 *
 * @example
 * gammaGammaExpectedValue({ p: 6.25, q: 3.74, gamma: 15.44 }, 0, 0) // 35.2
 */
export function gammaGammaExpectedValue(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params
  return (p * (gamma + x * m)) / (p * x + q - 1)
}
