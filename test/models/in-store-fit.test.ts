import { describe, expect, it } from 'vitest'
import { fitBgnbd } from '../../src/models/bgnbd-fit.js'
import { fitBgnbdInStore } from '../../src/models/bgnbd-fit-in-store.js'
import { thinned } from '../../src/models/btyd-data.js'
import { loadBtydTuples } from '../../src/models/btyd-summary.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import { simulate } from './simulate-bgnbd.js'

describe('BG/NBD fitted in the store (large-data path)', () => {
  it('agrees with the in-memory fit', async () => {
    const store = await openStore(':memory:')
    const conn = store.conn
    await conn.run(sql`CREATE TEMPORARY TABLE t (x INTEGER, tx_days INTEGER, "T_days" INTEGER, n INTEGER)`)
    const truth = { r: 0.5, alpha: 6, a: 0.8, b: 3 }
    const rows = simulate(truth, 20_000, 7).map((c) => [c.x, Math.round(c.tx_days), c.T_days, c.n])
    await conn.append('t', ['x', 'tx_days', 'T_days', 'n'], rows)
    const data = await loadBtydTuples(conn, 't', 'week')
    const memory = fitBgnbd(data)
    const size = { rows: data.size, customers: data.customers }
    const stored = await fitBgnbdInStore(conn, 't', 'week', thinned(data, 500), size)
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(stored.params[k] / memory.params[k] - 1)).toBeLessThan(1e-4)
      expect(Math.abs(stored.standardErrors[k]! / memory.standardErrors[k]! - 1)).toBeLessThan(1e-2)
    }
    expect(stored.logLikelihood).toBeCloseTo(memory.logLikelihood, 4)
    await store.close()
  })
})
