import { Prng, seedFrom } from '../../demo/prng.js'

/** How big the holdout is: a share of the audience (percent) or a number of customers. */
export type HoldoutSize =
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'count'; readonly value: number }

export interface Candidate {
  readonly customerId: string
  readonly stratum: string
}

/** Total holdout customers for an audience of `total`. */
export function holdoutTotal(size: HoldoutSize, total: number): number {
  const n = size.kind === 'percent' ? Math.round((total * size.value) / 100) : Math.round(size.value)
  return Math.max(0, Math.min(total, n))
}

/**
 * Splits `total` across strata in proportion to their sizes (largest remainder; ties by stratum name), so
 * every segment keeps the same holdout share and the counts add up exactly.
 */
export function allocate(sizes: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const all = [...sizes.values()].reduce((a, b) => a + b, 0)
  const entries = [...sizes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const quotas = entries.map(([k, n]) => {
    const exact = all > 0 ? (total * n) / all : 0
    return { k, n, floor: Math.floor(exact), rest: exact - Math.floor(exact) }
  })
  let left = total - quotas.reduce((s, q) => s + q.floor, 0)
  for (const q of [...quotas].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break
    if (q.floor < q.n) {
      q.floor++
      left--
    }
  }
  return new Map(quotas.map((q) => [q.k, q.floor]))
}

/**
 * Draws the holdout: within each stratum, the candidates sorted by id are shuffled (Fisher–Yates) by a
 * generator seeded with (seed, stratum) and the first `quota` are held out. Same audience + seed ⇒ the
 * same holdout, on any machine, whatever order the store returned the rows in.
 */
export function drawHoldout(candidates: readonly Candidate[], size: HoldoutSize, seed: number): Set<string> {
  const byStratum = new Map<string, string[]>()
  for (const c of candidates) {
    const list = byStratum.get(c.stratum) ?? []
    list.push(c.customerId)
    byStratum.set(c.stratum, list)
  }
  const quotas = allocate(
    new Map([...byStratum].map(([k, v]) => [k, v.length])),
    holdoutTotal(size, candidates.length),
  )
  const held = new Set<string>()
  for (const [stratum, ids] of byStratum) {
    ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const rng = new Prng(seed, seedFrom(stratum))
    for (let i = ids.length - 1; i > 0; i--) {
      const j = rng.int(0, i)
      ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
    }
    for (const id of ids.slice(0, quotas.get(stratum) ?? 0)) held.add(id)
  }
  return held
}
