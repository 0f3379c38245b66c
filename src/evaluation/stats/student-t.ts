import { lbeta } from '../../models/special-functions.js'
import { normalCdf, normalQuantile } from './normal.js'

const TINY = 1e-300

/** Lentz's continued fraction for the incomplete beta (valid where x < (a + 1) / (a + b + 2)). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m < 1000; m++) {
    const m2 = 2 * m
    // even step
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    h *= d * c
    // odd step
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return h
}

/**
 * Regularised incomplete beta I_x(a, b). The continued fraction converges quickly only on one side of
 * the mean a / (a + b); the other side uses the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - lbeta(a, b)
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a
  return 1 - (Math.exp(logFront) * betaContinuedFraction(b, a, 1 - x)) / b
}

/**
 * Student-t CDF with `df` degrees of freedom (df may be fractional, as Welch's is):
 * P(T ≤ t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) for t ≥ 0, mirrored for t < 0.
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN
  if (!Number.isFinite(df)) return normalCdf(t)
  if (t === Number.POSITIVE_INFINITY) return 1
  if (t === Number.NEGATIVE_INFINITY) return 0
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

/** Student-t density, for Newton steps in the quantile. */
function studentTPdf(t: number, df: number): number {
  return Math.exp(-lbeta(df / 2, 0.5) - ((df + 1) / 2) * Math.log1p((t * t) / df)) / Math.sqrt(df)
}

/**
 * Student-t quantile: starts from the normal quantile, brackets, then Newton steps guarded by bisection
 * (the CDF is monotone, so the bracket always holds the root).
 *
 * @example
 * studentTQuantile(0.975, 3) // 3.182446305284263
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  if (!Number.isFinite(df)) return normalQuantile(p)
  if (p === 0.5) return 0
  let lo = -1
  let hi = 1
  while (studentTCdf(lo, df) > p) lo *= 2
  while (studentTCdf(hi, df) < p) hi *= 2
  let x = Math.min(hi, Math.max(lo, normalQuantile(p)))
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(x, df) - p
    if (f > 0) hi = x
    else lo = x
    let next = x - f / studentTPdf(x, df)
    if (!(next > lo && next < hi)) next = (lo + hi) / 2
    if (Math.abs(next - x) < 1e-14 * Math.max(1, Math.abs(x))) return next
    x = next
  }
  return x
}
