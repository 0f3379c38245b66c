/**
 * How CLV and the next-order date are read off a model's cumulative expectation E(t) (purchases expected
 * in the next t days). One definition for every frequency model:
 *
 * - The horizon is cut into `steps` equal periods (default 12 monthly periods of a 365-day year).
 * - Discounted expected purchases DEP = Σₖ [E(tₖ) − E(tₖ₋₁)] · (1 + d)^−(mid-point of period k in years),
 *   with d the ANNUAL discount rate (default 10 %). CLV = DEP × expected value per purchase (Gamma-Gamma),
 *   which assumes spend and frequency independent, as Gamma-Gamma does. It is revenue CLV (no margin).
 * - Next order: the day at which E(t) reaches 1, linear between the period ends (E(0) = 0); none when E
 *   stays below 1 over the horizon ("no purchase expected within a year").
 */
export interface ClvOptions {
  /** Horizon in days (default 365). */
  readonly horizonDays?: number
  /** Annual discount rate (default 0.10). */
  readonly discountRate?: number
  /** Periods the horizon is cut into (default 12). */
  readonly steps?: number
}

export const CLV_DEFAULTS = { horizonDays: 365, discountRate: 0.1, steps: 12 } as const

/** The period ends tₖ in days, k = 1 … steps. */
export function horizonGrid(options: ClvOptions = {}): number[] {
  const { horizonDays, steps } = { ...CLV_DEFAULTS, ...options }
  return Array.from({ length: steps }, (_, k) => ((k + 1) * horizonDays) / steps)
}

/** Discount factor of each period (mid-point convention). */
export function discountFactors(options: ClvOptions = {}): number[] {
  const { horizonDays, discountRate, steps } = { ...CLV_DEFAULTS, ...options }
  return Array.from(
    { length: steps },
    (_, k) => (1 + discountRate) ** (-((k + 0.5) * horizonDays) / steps / 365),
  )
}

/**
 * DEP from the cumulative expectations at the grid points.
 *
 * @example
 * discountedPurchases([1, 2], [0.97, 0.92]) // 0.97·1 + 0.92·1
 */
export function discountedPurchases(cumulative: readonly number[], factors: readonly number[]): number {
  let total = 0
  let previous = 0
  cumulative.forEach((e, k) => {
    total += (e - previous) * factors[k]!
    previous = e
  })
  return total
}

/**
 * Days until E(t) reaches `target` (1 purchase), interpolating linearly between grid points; null when it
 * does not within the grid.
 *
 * @example
 * daysUntilExpected([0.5, 1.5], [30, 60], 1) // 45
 */
export function daysUntilExpected(
  cumulative: readonly number[],
  grid: readonly number[],
  target = 1,
): number | null {
  let prevE = 0
  let prevT = 0
  for (let k = 0; k < cumulative.length; k++) {
    const e = cumulative[k]!
    if (e >= target) return prevT + ((target - prevE) / (e - prevE)) * (grid[k]! - prevT)
    prevE = e
    prevT = grid[k]!
  }
  return null
}
