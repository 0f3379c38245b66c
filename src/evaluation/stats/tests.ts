import { normalCdf, normalQuantile } from './normal.js'
import { studentTCdf, studentTQuantile } from './student-t.js'

/** A difference between two groups (treatment − control) with its interval and two-sided p-value. */
export interface Comparison {
  /** treatment − control */
  readonly difference: number
  readonly ciLow: number
  readonly ciHigh: number
  readonly pValue: number
  /** The test statistic: z for proportions, t for Welch. */
  readonly statistic: number
  /** Welch–Satterthwaite degrees of freedom (Infinity for the z-test). */
  readonly df: number
  readonly standardError: number
}

/**
 * Two-proportion z-test of treatment vs control. The p-value uses the pooled standard error (the null
 * hypothesis says both rates are equal); the interval uses the unpooled one (it describes the difference,
 * which is not assumed to be 0). NaN fields when either group is empty or the pooled rate is 0 or 1.
 *
 * @example
 * twoProportionTest(120, 1000, 100, 1000).pValue // 0.1529…
 */
export function twoProportionTest(
  successesT: number,
  nT: number,
  successesC: number,
  nC: number,
  confidence = 0.95,
): Comparison {
  const pT = nT > 0 ? successesT / nT : Number.NaN
  const pC = nC > 0 ? successesC / nC : Number.NaN
  const difference = pT - pC
  const pooled = (successesT + successesC) / (nT + nC)
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / nT + 1 / nC))
  const se = Math.sqrt((pT * (1 - pT)) / nT + (pC * (1 - pC)) / nC)
  const z = sePooled > 0 ? difference / sePooled : Number.NaN
  const zCrit = normalQuantile(1 - (1 - confidence) / 2)
  return {
    difference,
    ciLow: difference - zCrit * se,
    ciHigh: difference + zCrit * se,
    pValue: Number.isNaN(z) ? Number.NaN : 2 * normalCdf(-Math.abs(z)),
    statistic: z,
    df: Number.POSITIVE_INFINITY,
    standardError: se,
  }
}

/** What a group looks like to the t-test: size, mean and (sample, n − 1) variance. */
export interface GroupMoments {
  readonly n: number
  readonly mean: number
  readonly variance: number
}

/**
 * Moments from a count, a sum and a sum of squares (what SQL aggregates return). The sample variance
 * is clamped at 0: Σx² − n·x̄² can come out a hair negative in floating point when every value is equal.
 */
export function momentsFromSums(n: number, sum: number, sumSquares: number): GroupMoments {
  const mean = n > 0 ? sum / n : Number.NaN
  const variance = n > 1 ? Math.max(0, (sumSquares - n * mean * mean) / (n - 1)) : Number.NaN
  return { n, mean, variance }
}

/** Moments of a list of numbers (two-pass, for tests and small inputs). */
export function momentsOf(values: readonly number[]): GroupMoments {
  const n = values.length
  const mean = values.reduce((s, v) => s + v, 0) / n
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : Number.NaN
  return { n, mean, variance }
}

/**
 * Welch's unequal-variance t-test of treatment − control, with the Welch–Satterthwaite degrees of
 * freedom ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)) and a Student-t interval.
 * When both variances are 0 the difference is exact: the interval collapses and p is 0 or 1.
 */
export function welchTest(treatment: GroupMoments, control: GroupMoments, confidence = 0.95): Comparison {
  const a = treatment.variance / treatment.n
  const b = control.variance / control.n
  const difference = treatment.mean - control.mean
  const se = Math.sqrt(a + b)
  if (treatment.n < 2 || control.n < 2 || Number.isNaN(se)) {
    return {
      difference,
      ciLow: Number.NaN,
      ciHigh: Number.NaN,
      pValue: Number.NaN,
      statistic: Number.NaN,
      df: Number.NaN,
      standardError: se,
    }
  }
  if (se === 0) {
    return {
      difference,
      ciLow: difference,
      ciHigh: difference,
      pValue: difference === 0 ? 1 : 0,
      statistic: Number.NaN,
      df: Number.NaN,
      standardError: 0,
    }
  }
  const df = (a + b) ** 2 / (a ** 2 / (treatment.n - 1) + b ** 2 / (control.n - 1))
  const t = difference / se
  const tCrit = studentTQuantile(1 - (1 - confidence) / 2, df)
  return {
    difference,
    ciLow: difference - tCrit * se,
    ciHigh: difference + tCrit * se,
    pValue: 2 * studentTCdf(-Math.abs(t), df),
    statistic: t,
    df,
    standardError: se,
  }
}
