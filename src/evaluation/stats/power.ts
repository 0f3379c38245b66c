import { normalQuantile } from './normal.js'

/** Significance and power of a planned test (two-sided). */
export interface PowerSettings {
  /** Two-sided significance level, default 0.05. */
  readonly alpha?: number
  /** Probability of detecting an effect of the MDE's size, default 0.8. */
  readonly power?: number
}

function zSum(s: PowerSettings): number {
  return normalQuantile(1 - (s.alpha ?? 0.05) / 2) + normalQuantile(s.power ?? 0.8)
}

/**
 * Minimum detectable effect on a conversion rate (absolute, in proportion points) for groups of nT and nC
 * around a baseline rate: (z_{1−α/2} + z_power) · √(p(1−p)(1/nT + 1/nC)). Infinity when a group is empty.
 *
 * @example
 * mdeProportion(0.1, 3841, 3841) // ≈ 0.0194 (about 2 points at α 0.05, power 0.8)
 */
export function mdeProportion(
  baseline: number,
  nT: number,
  nC: number,
  settings: PowerSettings = {},
): number {
  if (!(nT > 0 && nC > 0)) return Number.POSITIVE_INFINITY
  return zSum(settings) * Math.sqrt(baseline * (1 - baseline) * (1 / nT + 1 / nC))
}

/** Minimum detectable difference in a mean (revenue per customer) with standard deviation `sd`. */
export function mdeMean(sd: number, nT: number, nC: number, settings: PowerSettings = {}): number {
  if (!(nT > 0 && nC > 0)) return Number.POSITIVE_INFINITY
  return zSum(settings) * sd * Math.sqrt(1 / nT + 1 / nC)
}

/**
 * Customers needed per group to detect a lift from `baseline` to `baseline + mde` (absolute) with equal
 * groups: n = (z_{1−α/2} + z_power)² · (p₁(1−p₁) + p₂(1−p₂)) / mde², rounded up.
 *
 * @example
 * sampleSizePerGroup(0.1, 0.02) // 3839
 */
export function sampleSizePerGroup(baseline: number, mde: number, settings: PowerSettings = {}): number {
  const p2 = baseline + mde
  const variance = baseline * (1 - baseline) + p2 * (1 - p2)
  return Math.ceil((zSum(settings) ** 2 * variance) / (mde * mde))
}

/**
 * The holdout size that makes the conversion MDE as small as `target` when the audience has `total`
 * customers (treatment gets the rest); null when even an even split cannot reach it.
 */
export function holdoutForMde(
  baseline: number,
  total: number,
  target: number,
  settings: PowerSettings = {},
): number | null {
  for (let holdout = 1; holdout <= Math.floor(total / 2); holdout++) {
    if (mdeProportion(baseline, total - holdout, holdout, settings) <= target) return holdout
  }
  return null
}
