import { describe, expect, it } from 'vitest'
import { fitBgnbd } from '../../src/models/bgnbd-fit.js'
import { btydData } from '../../src/models/btyd-data.js'
import { simulate } from './simulate-bgnbd.js'

describe('BG/NBD parameter recovery', () => {
  it('recovers known parameters from 30,000 simulated customers (warm start from a thinned copy)', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.8, b: 3 }
    const fit = fitBgnbd(btydData(simulate({ ...truth }, 30_000, 42), 'week'))
    expect(Math.abs(fit.params.r - truth.r) / truth.r).toBeLessThan(0.1)
    expect(Math.abs(fit.params.alpha - truth.alpha) / truth.alpha).toBeLessThan(0.15)
    expect(Math.abs(fit.params.a - truth.a) / truth.a).toBeLessThan(0.25)
    expect(Math.abs(fit.params.b - truth.b) / truth.b).toBeLessThan(0.3)
    // The truth lies within ~3 standard errors.
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3.5 * fit.standardErrors[k]!)
    }
  })
})
