/**
 * Special functions the BTYD likelihoods need: log-gamma, digamma, log-beta and stable log-space sums.
 * Written for positive real arguments (every model parameter is positive).
 */

// Lanczos (g = 7, n = 9) coefficients: ~15 significant digits for Γ on (0.5, 15].
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI)

/**
 * ln Γ(x) for x > 0.
 *
 * @example
 * lgamma(5) // ln 24 = 3.1780538303479458
 */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x)
  // Stirling's series is exact to double precision here and keeps digits for huge arguments, where
  // Lanczos' (x + 0.5)·ln t − t would lose them to cancellation.
  if (x >= 15) {
    const inv = 1 / x
    const inv2 = inv * inv
    return (
      (x - 0.5) * Math.log(x) -
      x +
      HALF_LOG_2PI +
      inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))))
    )
  }
  const y = x - 1
  let a = LANCZOS[0]!
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (y + i)
  const t = y + 7.5
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a)
}

/**
 * ψ(x) = d/dx ln Γ(x) for x > 0 (recurrence up to x ≥ 10, then the asymptotic series).
 *
 * @example
 * digamma(1) // −0.5772156649015329 (−Euler's γ)
 */
export function digamma(x: number): number {
  let shift = 0
  while (x < 10) {
    shift -= 1 / x
    x += 1
  }
  const inv = 1 / x
  const inv2 = inv * inv
  return (
    shift +
    Math.log(x) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))))
  )
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b)
}

/**
 * ln(eᵘ + eᵛ) without overflow; −∞ terms are allowed.
 *
 * @example
 * logAddExp(1000, 1000) // 1000 + ln 2
 */
export function logAddExp(u: number, v: number): number {
  if (u === Number.NEGATIVE_INFINITY) return v
  if (v === Number.NEGATIVE_INFINITY) return u
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v))
}

/**
 * ln(eᵘ − eᵛ) for u ≥ v (−∞ when equal): keeps relative precision when the two are close.
 *
 * @example
 * logSubExp(0, -50) // ≈ −1.9e−22
 */
export function logSubExp(u: number, v: number): number {
  if (v === Number.NEGATIVE_INFINITY) return u
  if (v >= u) return Number.NEGATIVE_INFINITY
  const d = v - u
  // ln(1 − eᵈ): expm1 near 0, log1p far from it (Mächler's rule).
  return u + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)))
}

/** [1 − u^e] / e for u in (0, 1], with the limit −ln u at e = 0 (Pareto/NBD at s = 1, BG/NBD at a = 1). */
export function oneMinusPowOver(u: number, e: number): number {
  const lu = Math.log(u)
  if (Math.abs(e * lu) < 1e-12) return -lu * (1 + (e * lu) / 2)
  return -Math.expm1(e * lu) / e
}
