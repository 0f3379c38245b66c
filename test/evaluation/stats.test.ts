import { describe, expect, it } from 'vitest'
import { Prng } from '../../src/demo/prng.js'
import {
  mdeProportion,
  momentsOf,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  sampleSizePerGroup,
  studentTCdf,
  studentTQuantile,
  twoProportionTest,
  welchTest,
} from '../../src/evaluation/index.js'

describe('normal distribution', () => {
  it('matches table values, including far tails', () => {
    expect(normalCdf(0)).toBe(0.5)
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14)
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14)
    // Φ(−8) = 6.220960574271785e-16: relative precision kept in the tail.
    expect(normalCdf(-8) / 6.220960574271785e-16).toBeCloseTo(1, 10)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12)
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12)
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 11)
    for (const p of [1e-10, 0.01, 0.3, 0.5, 0.9, 0.999999])
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 13)
  })
})

describe('Student t and the incomplete beta', () => {
  it('I_x(a, b) has closed forms to check against', () => {
    // I_x(1, b) = 1 − (1 − x)^b ; I_x(a, 1) = x^a ; I_½(a, a) = ½.
    expect(regularizedBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14)
    expect(regularizedBeta(0.6, 3, 1)).toBeCloseTo(0.6 ** 3, 14)
    expect(regularizedBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 14)
  })
  it('matches printed t tables', () => {
    // t_{0.975} for 1, 3, 10, 30 degrees of freedom: 12.706, 3.182, 2.228, 2.042 (any statistics textbook).
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174698, 9)
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.182446305284263, 11)
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 11)
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272456301238, 11)
    // With 1 df, t is Cauchy: F(t) = ½ + atan(t)/π.
    expect(studentTCdf(2, 1)).toBeCloseTo(0.5 + Math.atan(2) / Math.PI, 14)
    // Fractional df (Welch's are): continuity with the quantile.
    expect(studentTCdf(studentTQuantile(0.9, 17.776), 17.776)).toBeCloseTo(0.9, 13)
  })
})

describe('two-proportion z-test', () => {
  it('equals a hand computation', () => {
    // Treatment 120/1000 = 0.12, control 100/1000 = 0.10, difference 0.02.
    // Pooled p = 220/2000 = 0.11; SE₀ = √(0.11·0.89·(1/1000 + 1/1000)) = √0.0001958 = 0.0139929;
    // z = 0.02 / 0.0139929 = 1.42930; p = 2·(1 − Φ(1.42930)) = 2·0.0764589 = 0.152918.
    // Unpooled SE = √(0.12·0.88/1000 + 0.10·0.90/1000) = √0.0001956 = 0.0139857;
    // 95% CI = 0.02 ± 1.959964·0.0139857 = [−0.0074115, 0.0474115].
    const r = twoProportionTest(120, 1000, 100, 1000)
    expect(r.difference).toBeCloseTo(0.02, 12)
    expect(r.statistic).toBeCloseTo(1.4293, 4)
    expect(r.pValue).toBeCloseTo(0.152918, 5)
    expect(r.ciLow).toBeCloseTo(-0.0074115, 6)
    expect(r.ciHigh).toBeCloseTo(0.0474115, 6)
  })
})

describe('Welch t-test', () => {
  it('reproduces the published interval on the sleep data (R: t.test(extra ~ group, data = sleep))', () => {
    // Student's (1908) sleep data, extra hours of sleep on two drugs, as printed by R's t.test (Welch):
    // t = −1.8608, df = 17.776, p-value = 0.07939, 95% CI −3.3654832 … 0.2054832.
    // By hand: means 0.75 and 2.33 (difference −1.58); sample variances 3.200556 and 4.009000;
    // SE = √(3.200556/10 + 4.009/10) = √0.7209556 = 0.849091; t = −1.58/0.849091 = −1.86081;
    // ν = 0.7209556² / ((0.3200556)²/9 + (0.4009)²/9) = 0.5197770 / 0.0292396 = 17.7765;
    // t_{0.975, 17.7765} = 2.102821; CI = −1.58 ± 2.102821·0.849091 = [−3.36548, 0.20548].
    const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
    const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
    const r = welchTest(momentsOf(drug1), momentsOf(drug2))
    expect(r.difference).toBeCloseTo(-1.58, 12)
    expect(r.statistic).toBeCloseTo(-1.8608, 4)
    expect(r.df).toBeCloseTo(17.776, 3)
    expect(r.pValue).toBeCloseTo(0.07939, 5)
    expect(r.ciLow).toBeCloseTo(-3.3654832, 6)
    expect(r.ciHigh).toBeCloseTo(0.2054832, 6)
  })
})

describe('power', () => {
  it('sample size and MDE agree with the textbook formula', () => {
    // 10% → 12%, α 0.05 two-sided, power 0.8: (1.959964 + 0.841621)² · (0.09 + 0.1056) / 0.02² = 3838.7 → 3839.
    expect(sampleSizePerGroup(0.1, 0.02)).toBe(3839)
    // MDE at n = 3839 per group (pooled-variance form) is just under 2 points.
    const mde = mdeProportion(0.1, 3839, 3839)
    expect(mde).toBeGreaterThan(0.019)
    expect(mde).toBeLessThan(0.02)
    expect(mdeProportion(0.1, 0, 10)).toBe(Number.POSITIVE_INFINITY)
  })
})

describe('A/A simulation', () => {
  it('rejects a true null about 5% of the time (2,000 seeded tests of each kind)', () => {
    const rng = new Prng(20261123)
    let zRejections = 0
    let welchRejections = 0
    const runs = 2000
    for (let i = 0; i < runs; i++) {
      // Both arms from the same population: 400 vs 200 customers, 12% convert, skewed (log-normal) spend.
      const draw = (n: number) => {
        let conversions = 0
        const spend: number[] = []
        for (let k = 0; k < n; k++) {
          const converted = rng.chance(0.12)
          if (converted) conversions++
          spend.push(converted ? rng.logNormal(50, 0.6) : 0)
        }
        return { conversions, spend }
      }
      const t = draw(400)
      const h = draw(200)
      if (twoProportionTest(t.conversions, 400, h.conversions, 200).pValue < 0.05) zRejections++
      if (welchTest(momentsOf(t.spend), momentsOf(h.spend)).pValue < 0.05) welchRejections++
    }
    expect(zRejections / runs).toBeGreaterThanOrEqual(0.035)
    expect(zRejections / runs).toBeLessThanOrEqual(0.065)
    expect(welchRejections / runs).toBeGreaterThanOrEqual(0.035)
    expect(welchRejections / runs).toBeLessThanOrEqual(0.065)
  })
})
