import type { BgnbdParams } from './bgnbd-fit.js'
import { hyp2f1Log } from './hypergeometric.js'
import { lbeta, lgamma, logAddExp } from './special-functions.js'

/**
 * P(alive at T | x, t_x, T) = 1 / (1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). A customer without
 * repeat purchases is alive with probability 1 under BG/NBD (dropout happens only right after a purchase).
 *
 * @example
 * bgnbdPAlive({ r: 0.2426, alpha: 4.414, a: 0.793, b: 2.426 }, 26, 30.857, 31) // 0.9689
 */
export function bgnbdPAlive(p: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1
  const logOdds =
    Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx))
  return logOdds > 700 ? 0 : 1 / (1 + Math.exp(logOdds))
}

/**
 * E[Y(t) | x, t_x, T], purchases expected in (T, T+t]:
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + 1{x>0}·odds).
 *
 * The bracket is evaluated after Euler's transformation, as 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z):
 * its upper parameters no longer grow with x, so the series stays short and bounded for very large x
 * (the untransformed terms grow like n^(r+x−a)). a = 1 is a removable singularity, taken as the mean of
 * a = 1 ± 1e−6.
 *
 * @example
 * bgnbdConditionalExpected(params, 26, 30.857, 31, 52) // CDNOW customer 1516: 25.757
 */
export function bgnbdConditionalExpected(
  p: BgnbdParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  return bgnbdExpectedIfAlive(p, x, T, t) * bgnbdPAlive(p, x, tx, T)
}

/**
 * The part of E[Y(t) | x, t_x, T] that does not depend on t_x: purchases expected in (T, T+t] by a
 * customer known to be alive at T. Scoring computes it once per distinct (x, T) and multiplies by each
 * customer's P(alive) (which is where t_x enters).
 *
 * @example
 * bgnbdExpectedIfAlive(params, 26, 31, 52) * bgnbdPAlive(params, 26, 30.857, 31) // 25.757
 */
export function bgnbdExpectedIfAlive(p: BgnbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0
  if (Math.abs(p.a - 1) < 1e-7) {
    const lo = bgnbdExpectedIfAlive({ ...p, a: 1 - 1e-6 }, x, T, t)
    const hi = bgnbdExpectedIfAlive({ ...p, a: 1 + 1e-6 }, x, T, t)
    return (lo + hi) / 2
  }
  const { r, alpha, a, b } = p
  const z = t / (alpha + T + t)
  const f = hyp2f1Log(a + b - 1 - r, a - 1, a + b + x - 1, z)
  // 1 − P with P = (1−z)^(a−1) F, via expm1 so small horizons keep their digits.
  const logP = (a - 1) * Math.log1p(-z) + f.log
  const bracket = f.sign > 0 ? -Math.expm1(logP) : 1 + Math.exp(logP)
  return ((a + b + x - 1) / (a - 1)) * bracket
}

/**
 * E[X(t)] for a new customer (no history): the conditional expectation at x = t_x = T = 0.
 *
 * @example
 * bgnbdExpected(params, 52) // CDNOW: 1.4440
 */
export function bgnbdExpected(p: BgnbdParams, t: number): number {
  return bgnbdConditionalExpected(p, 0, 0, 0, t)
}

/**
 * P(X(t) = n) for a new customer (FHL 2005 eq. 8), in log space:
 * B(a,b+n)/B(a,b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
 * + 1{n>0} · B(a+1,b+n−1)/B(a,b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j].
 *
 * @example
 * bgnbdProbabilityOfN(params, 52, 0) // share of new customers with no purchase in a year
 */
export function bgnbdProbabilityOfN(p: BgnbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p
  const lq = Math.log(alpha / (alpha + t))
  const lz = Math.log(t / (alpha + t))
  const nbTerm = (j: number) => lgamma(r + j) - lgamma(r) - lgamma(j + 1) + r * lq + (j > 0 ? j * lz : 0)
  const first = lbeta(a, b + n) - lbeta(a, b) + nbTerm(n)
  if (n === 0) return Math.exp(first)
  // 1 − P(NBD count < n) = P(NBD count ≥ n): summing the lower tail in log space, then complementing.
  let lower = Number.NEGATIVE_INFINITY
  for (let j = 0; j < n; j++) lower = logAddExp(lower, nbTerm(j))
  const upper = lower >= 0 ? 0 : -Math.expm1(lower)
  return Math.exp(first) + Math.exp(lbeta(a + 1, b + n - 1) - lbeta(a, b)) * upper
}
