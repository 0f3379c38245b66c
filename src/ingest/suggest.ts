import { normaliseHeader } from './fields.js'

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = keep
    }
  }
  return row[b.length]!
}

/**
 * The candidate closest to `wanted` (compared as normalised headers), when it is close enough to be a
 * plausible typo; for "did you mean" hints.
 *
 * @example
 * closest('custmer_id', ['CustomerID', 'Country']) // 'CustomerID'
 */
export function closest(wanted: string, candidates: readonly string[]): string | undefined {
  const w = normaliseHeader(wanted)
  let best: string | undefined
  let bestScore = Number.POSITIVE_INFINITY
  for (const c of candidates) {
    const n = normaliseHeader(c)
    const d = n.includes(w) || w.includes(n) ? Math.abs(n.length - w.length) * 0.5 : distance(w, n)
    if (d < bestScore) {
      bestScore = d
      best = c
    }
  }
  return bestScore <= Math.max(2, Math.floor(w.length / 3)) ? best : undefined
}
