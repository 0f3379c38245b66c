import { describe, expect, it } from 'vitest'
import { fromScaled, mulScaled, toScaled } from '../../src/ingest/decimal.js'
import { type OrderDraft, settleByNet } from '../../src/ingest/presets/index.js'

const draft = (over: Partial<OrderDraft>): OrderDraft => ({
  orderId: 'X',
  amount: null,
  itemsTotal: null,
  refunded: null,
  status: null,
  rawStatus: null,
  cancelled: false,
  currency: null,
  ...over,
})

describe('exact decimal text arithmetic', () => {
  it('multiplies and sums without floats', () => {
    // 0.1 + 0.2 style traps: 3 × 1.1 + 0.07
    const total = mulScaled(toScaled('3')!, toScaled('1.1')!) + toScaled('0.07')!
    expect(fromScaled(total)).toBe('3.3700')
    expect(fromScaled(mulScaled(toScaled('-12')!, toScaled('2.555')!))).toBe('-30.6600')
    expect(toScaled('abc')).toBeUndefined()
    expect(fromScaled(toScaled('.5')!)).toBe('0.5000')
  })
})

describe('settling an order', () => {
  it('net ≤ 0 is a return (refunded) or a cancellation; refunds reduce the amount', () => {
    const a = draft({ itemsTotal: toScaled('-27.50')! })
    settleByNet(a)
    expect([a.amount, a.status]).toEqual([-275000n, 'refunded'])
    const b = draft({ amount: toScaled('0')! })
    settleByNet(b)
    expect(b.status).toBe('cancelled')
    const c = draft({ amount: toScaled('59')!, refunded: toScaled('59')! })
    settleByNet(c)
    expect([c.amount, c.status]).toEqual([0n, 'refunded'])
    const d = draft({ amount: toScaled('45')!, cancelled: true })
    settleByNet(d)
    expect([d.amount, d.status]).toEqual([0n, 'cancelled'])
    const e = draft({ amount: toScaled('300')!, refunded: toScaled('120')! })
    settleByNet(e)
    expect([e.amount, e.status]).toEqual([1800000n, 'paid'])
  })
})
