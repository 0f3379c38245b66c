import { describe, expect, it } from 'vitest'
import { bgnbdLogLikelihood, bgnbdObjective } from '../../src/models/bgnbd-fit.js'
import { bgnbdConditionalExpected, bgnbdExpected, bgnbdPAlive } from '../../src/models/bgnbd-predict.js'
import { btydData } from '../../src/models/btyd-data.js'
import {
  gammaGammaExpectedValue,
  gammaGammaLogLikelihood,
  gammaGammaObjective,
} from '../../src/models/gamma-gamma.js'
import { hyp2f1, hyp2f1Log } from '../../src/models/hypergeometric.js'
import { numericGradient } from '../../src/models/optimizer.js'
import {
  paretoNbdConditionalExpected,
  paretoNbdLogLikelihood,
  paretoNbdMeanNll,
  paretoNbdPAlive,
} from '../../src/models/pareto-nbd.js'
import { digamma, lgamma } from '../../src/models/special-functions.js'

const BG = { r: 0.2426, alpha: 4.414, a: 0.793, b: 2.426 }
const PARETO = { r: 0.5534, alpha: 10.58, s: 0.6061, beta: 11.656 }

describe('special functions', () => {
  it('lgamma and digamma match known values', () => {
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 13)
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13)
    expect(lgamma(100)).toBeCloseTo(359.1342053695754, 10)
    expect(lgamma(1e-8)).toBeCloseTo(18.420680738180209, 7)
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13)
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 12)
    expect(digamma(1000)).toBeCloseTo(6.907255195648812, 12)
  })

  it('₂F₁ matches closed forms, including near z = 1 and for negative z', () => {
    const z = 0.5
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 13)
    expect(hyp2f1(1, 1, 2, 0.999)).toBeCloseTo(-Math.log(0.001) / 0.999, 9)
    expect(hyp2f1(1, 1, 2, -3)).toBeCloseTo(Math.log(4) / 3, 12)
    // (1 − z)^−a = ₂F₁(a, b; b; z)
    expect(hyp2f1(2.5, 3, 3, 0.9)).toBeCloseTo(0.1 ** -2.5, 8)
    // Huge parameters stay finite in log space.
    const big = hyp2f1Log(5000, 7, 7, 0.9)
    expect(big.log / (-5000 * Math.log(0.1))).toBeCloseTo(1, 12)
  })

  it('Pareto/NBD ₂F₁ term equals the integral it stands for', () => {
    // s/(r+s+x)·A₀ = s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, up to the common factors.
    for (const p of [PARETO, { ...PARETO, alpha: 3, beta: 40 }, { ...PARETO, alpha: 40, beta: 3 }]) {
      const x = 3
      const tx = 5
      const T = 30
      let integral = 0
      const n = 200_000
      for (let i = 0; i < n; i++) {
        const tau = tx + ((i + 0.5) * (T - tx)) / n
        integral += (p.alpha + tau) ** -(p.r + x) * (p.beta + tau) ** -(p.s + 1)
      }
      integral *= (T - tx) / n
      const alive = (p.alpha + T) ** -(p.r + x) * (p.beta + T) ** -p.s
      const head = lgamma(p.r + x) - lgamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta)
      expect(paretoNbdLogLikelihood(p, x, tx, T)).toBeCloseTo(head + Math.log(alive + p.s * integral), 8)
    }
  })
})

describe('gradients', () => {
  const data = btydData(
    [
      { x: 0, tx_days: 0, T_days: 200, n: 50 },
      { x: 1, tx_days: 30, T_days: 200, n: 20 },
      { x: 5, tx_days: 180, T_days: 250, n: 7 },
      { x: 12, tx_days: 260, T_days: 260, n: 2 },
    ],
    'week',
  )
  it('BG/NBD analytic gradient agrees with central differences', () => {
    const fg = bgnbdObjective(data)
    const theta = [Math.log(0.4), Math.log(3), Math.log(0.9), Math.log(2)]
    const numeric = numericGradient((t) => fg(t).f)(theta).g
    for (const [i, g] of fg(theta).g.entries()) expect(g).toBeCloseTo(numeric[i]!, 7)
  })
  it('Gamma-Gamma analytic gradient agrees with central differences', () => {
    const bins = [
      { x: 1, n: 3, sumLogM: 3 * Math.log(20), sumM: 60 },
      { x: 4, n: 1, sumLogM: Math.log(55), sumM: 55 },
    ]
    const fg = gammaGammaObjective(bins)
    const theta = [Math.log(5), Math.log(3), Math.log(12)]
    const numeric = numericGradient((t) => fg(t).f)(theta).g
    for (const [i, g] of fg(theta).g.entries()) expect(g).toBeCloseTo(numeric[i]!, 7)
    expect(-fg(theta).f * 4).toBeCloseTo(
      3 * gammaGammaLogLikelihood({ p: 5, q: 3, gamma: 12 }, 1, 20) +
        gammaGammaLogLikelihood({ p: 5, q: 3, gamma: 12 }, 4, 55),
      10,
    )
  })
  it('Pareto/NBD mean NLL equals the per-customer likelihood', () => {
    const nll = paretoNbdMeanNll(data)([0.5534, 10.58, 0.6061, 11.656].map(Math.log))
    let ll = 0
    for (let i = 0; i < data.size; i++)
      ll += data.weight[i]! * paretoNbdLogLikelihood(PARETO, data.x[i]!, data.tx[i]!, data.T[i]!)
    expect(-nll * data.customers).toBeCloseTo(ll, 9)
  })
})

describe('extremes give finite numbers', () => {
  const cases = [
    { x: 0, tx: 0, T: 0 },
    { x: 0, tx: 0, T: 39 },
    { x: 5, tx: 20, T: 20 }, // t_x = T
    { x: 1, tx: 0, T: 1e6 }, // huge T
    { x: 1e4, tx: 50, T: 52 }, // huge x
    { x: 3e3, tx: 1, T: 1e5 }, // huge x, long dead
  ]
  for (const c of cases) {
    it(`x ${c.x}, t_x ${c.tx}, T ${c.T}`, () => {
      const values = [
        bgnbdLogLikelihood(BG, c.x, c.tx, c.T),
        bgnbdPAlive(BG, c.x, c.tx, c.T),
        bgnbdConditionalExpected(BG, c.x, c.tx, c.T, 52),
        bgnbdConditionalExpected(BG, c.x, c.tx, c.T, 1e5),
        paretoNbdLogLikelihood(PARETO, c.x, c.tx, c.T),
        paretoNbdPAlive(PARETO, c.x, c.tx, c.T),
        paretoNbdConditionalExpected(PARETO, c.x, c.tx, c.T, 52),
        gammaGammaExpectedValue({ p: 6.25, q: 3.74, gamma: 15.44 }, c.x, 30),
      ]
      for (const v of values) expect(Number.isFinite(v), String(values)).toBe(true)
      expect(bgnbdPAlive(BG, c.x, c.tx, c.T)).toBeGreaterThanOrEqual(0)
      expect(bgnbdPAlive(BG, c.x, c.tx, c.T)).toBeLessThanOrEqual(1)
      expect(bgnbdConditionalExpected(BG, c.x, c.tx, c.T, 52)).toBeGreaterThanOrEqual(0)
    })
  }
  it('a = 1 and s = 1 use the limits', () => {
    expect(Number.isFinite(bgnbdExpected({ ...BG, a: 1 }, 52))).toBe(true)
    expect(bgnbdExpected({ ...BG, a: 1 }, 52)).toBeCloseTo(
      (bgnbdExpected({ ...BG, a: 1.001 }, 52) + bgnbdExpected({ ...BG, a: 0.999 }, 52)) / 2,
      4,
    )
    expect(paretoNbdConditionalExpected({ ...PARETO, s: 1 }, 2, 10, 20, 52)).toBeCloseTo(
      paretoNbdConditionalExpected({ ...PARETO, s: 1 + 1e-6 }, 2, 10, 20, 52),
      5,
    )
  })
})
