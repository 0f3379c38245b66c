import type { BtydTupleRow } from '../../src/models/btyd-data.js'

/** mulberry32: a small seeded PRNG so the simulated customers are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u())
}

/** Gamma(shape, 1) by Marsaglia–Tsang, with the shape < 1 boost. */
function gamma(u: () => number, shape: number): number {
  if (shape < 1) return gamma(u, shape + 1) * u() ** (1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    const z = normal(u)
    const v = (1 + c * z) ** 3
    if (v > 0 && Math.log(1 - u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v
  }
}

/** Customers drawn from BG/NBD: λ ~ Gamma(r, α), p ~ Beta(a, b), dropout after each purchase. */
export function simulate(
  params: { r: number; alpha: number; a: number; b: number },
  n: number,
  seed: number,
): BtydTupleRow[] {
  const u = prng(seed)
  const rows: BtydTupleRow[] = []
  for (let i = 0; i < n; i++) {
    const lambda = gamma(u, params.r) / params.alpha
    const g1 = gamma(u, params.a)
    const p = g1 / (g1 + gamma(u, params.b))
    const T = 20 + Math.floor(u() * 40) // weeks
    let t = 0
    let x = 0
    let last = 0
    for (;;) {
      t += -Math.log(1 - u()) / lambda
      if (t > T) break
      x++
      last = t
      if (u() < p) break
    }
    rows.push({ x, tx_days: last * 7, T_days: T * 7, n: 1 })
  }
  return rows
}
