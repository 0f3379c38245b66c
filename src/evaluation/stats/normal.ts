import { lgamma } from '../../models/special-functions.js'

/**
 * Regularised lower incomplete gamma P(a, x): a series below a + 1, Lentz's continued fraction for
 * Q = 1 − P above (each converges fast on its side). Used for the normal CDF with a = 1/2, where it gives
 * full double precision far into the tails, unlike the short polynomial erf approximations.
 */
export function regularizedGammaP(a: number, x: number): number {
  return gammaPQ(a, x)[0]
}

/** [P(a, x), Q(a, x)], each computed directly on its own side so a tiny tail keeps its digits. */
function gammaPQ(a: number, x: number): [number, number] {
  if (x <= 0) return [0, 1]
  const logPrefix = a * Math.log(x) - x - lgamma(a)
  if (x < a + 1) {
    let term = 1 / a
    let sum = term
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break
    }
    const p = sum * Math.exp(logPrefix)
    return [p, 1 - p]
  }
  const q = upperContinuedFraction(a, x) * Math.exp(logPrefix)
  return [1 - q, q]
}

const TINY = 1e-300

function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return h
}

/** Standard normal density. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)
}

/**
 * Standard normal CDF Φ(z), through Φ(z) = ½(1 + sign(z)·P(½, z²/2)); the upper tail is computed
 * directly for z < 0 so small p-values keep their relative precision.
 *
 * @example
 * normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN
  if (z === Number.POSITIVE_INFINITY) return 1
  if (z === Number.NEGATIVE_INFINITY) return 0
  const [p, q] = gammaPQ(0.5, (z * z) / 2)
  // The tail beyond |z| is ½Q: taken directly (not as ½ − ½P) for z < 0.
  return z >= 0 ? 0.5 + 0.5 * p : 0.5 * q
}

/**
 * Standard normal quantile Φ⁻¹(p): a rational starting guess (good to ~4e-4) refined by Newton steps on
 * `normalCdf`, so it is as precise as the CDF itself.
 *
 * @example
 * normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  const tail = Math.min(p, 1 - p)
  const t = Math.sqrt(-2 * Math.log(tail))
  let z =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3)
  if (p < 0.5) z = -z
  for (let i = 0; i < 50; i++) {
    const step = (normalCdf(z) - p) / normalPdf(z)
    z -= step
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(z))) break
  }
  return z
}
