/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and z < 1, returned in log space so
 * that the huge values met at large x (ₙ terms like (r + x)ₙ) neither overflow nor lose digits.
 *
 * Method: the power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, summed with periodic rescaling. Negative z is first
 * mapped into [0, 1) by Pfaff's transformation ₂F₁(a,b;c;z) = (1−z)^−a ₂F₁(a, c−b; c; z/(z−1)), so the
 * series always runs on 0 ≤ z < 1 where its terms eventually shrink geometrically. Callers whose z can
 * approach 1 pick, by Euler's transformation, the form whose terms decay polynomially too (see
 * `bgnbd-predict.ts`); the loop allows millions of terms so even z = 0.999 converges.
 */

/** ln|F| and the sign of F (F may be negative when a or b is negative). */
export interface LogValue {
  readonly log: number
  readonly sign: 1 | -1 | 0
}

const RESCALE = 1e200
const LOG_RESCALE = Math.log(RESCALE)
const MAX_TERMS = 5_000_000

/**
 * ln ₂F₁(a, b; c; z) with its sign. Throws for z ≥ 1 (outside the disc; not needed by the models) and for
 * c a non-positive integer (undefined).
 *
 * @example
 * hyp2f1Log(1, 1, 2, 0.5) // { log: ln(2·ln 2) = 0.3266…, sign: 1 }  since ₂F₁(1,1;2;z) = −ln(1−z)/z
 */
export function hyp2f1Log(a: number, b: number, c: number, z: number): LogValue {
  if (!(z < 1)) throw new Error(`hyp2f1: z = ${z} is outside [.., 1)`)
  if (c <= 0 && Number.isInteger(c)) throw new Error(`hyp2f1: c = ${c} is a non-positive integer`)
  if (z < 0) {
    const inner = seriesLog(a, c - b, c, z / (z - 1))
    return { log: inner.log - a * Math.log1p(-z), sign: inner.sign }
  }
  return seriesLog(a, b, c, z)
}

/**
 * ₂F₁(a, b; c; z) as a plain number (may be ±Infinity when it overflows a double).
 *
 * @example
 * hyp2f1(1, 1, 2, 0.5) // 1.3862943611198906 (= 2 ln 2)
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const v = hyp2f1Log(a, b, c, z)
  return v.sign * Math.exp(v.log)
}

function seriesLog(a: number, b: number, c: number, z: number): LogValue {
  if (z === 0 || a === 0 || b === 0) return { log: 0, sign: 1 }
  let sum = 1
  let term = 1
  let logScale = 0
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z
    term *= ratio
    if (term === 0) break // a or b is a non-positive integer: the series terminates
    sum += term
    // Once the terms fall, the remaining ratios stay below max(|ratio|, z) < 1 (they tend to z
    // monotonically), so a geometric series bounds the tail.
    if (Math.abs(ratio) < 1) {
      const bound = Math.max(Math.abs(ratio), z)
      if (Math.abs(term) * (bound / (1 - bound)) <= 1e-16 * Math.abs(sum)) break
    }
    if (Math.abs(sum) > RESCALE || Math.abs(term) > RESCALE) {
      sum /= RESCALE
      term /= RESCALE
      logScale += LOG_RESCALE
    }
    if (n === MAX_TERMS - 1) throw new Error(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge`)
  }
  if (sum === 0) return { log: Number.NEGATIVE_INFINITY, sign: 0 }
  return { log: Math.log(Math.abs(sum)) + logScale, sign: sum > 0 ? 1 : -1 }
}

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, where every term is positive: the lean loop used inside
 * likelihood evaluations (no object, no sign bookkeeping). Falls back to the general routine for huge sums.
 *
 * @example
 * hyp2f1LogPositive(1, 1, 2, 0.5) // 0.3266…
 */
export function hyp2f1LogPositive(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0
  let sum = 1
  let term = 1
  for (let n = 0; n < 100_000; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z
    term *= ratio
    sum += term
    if (ratio < 1) {
      const bound = Math.max(ratio, z)
      if (term * bound <= 1e-16 * sum * (1 - bound)) return Math.log(sum)
    }
    if (sum > 1e250) break
  }
  return hyp2f1Log(a, b, c, z).log
}
