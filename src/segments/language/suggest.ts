/** Levenshtein distance with adjacent transpositions, case-insensitive; inputs are short names. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase()
  const u = b.toLowerCase()
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [
    i,
    ...Array<number>(u.length).fill(0),
  ])
  for (let j = 1; j <= u.length; j++) d[0]![j] = j
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= u.length; j++) {
      const cost = s[i - 1] === u[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && s[i - 1] === u[j - 2] && s[i - 2] === u[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[s.length]![u.length]!
}

/**
 * The closest candidate worth suggesting ("did you mean …?"): within about a third of the word's length,
 * or a candidate that contains the word (`segment` → `rfm_segment`). Undefined when nothing is close.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  // A one-letter word is close to every one-letter name: no useful suggestion.
  if (word.length > 100 || word.length < 2) return undefined
  const lower = word.toLowerCase()
  let best: string | undefined
  let bestScore = Number.POSITIVE_INFINITY
  for (const c of candidates) {
    if (c.length > 100) continue
    const distance = editDistance(word, c)
    const limit = Math.max(1, Math.floor(Math.max(word.length, c.length) / 3))
    // Two Chinese characters already name something ('冠军' in '冠军客户'); two Latin letters do not.
    const contains =
      (lower.length >= 3 || (lower.length === 2 && /\p{Script=Han}/u.test(lower))) &&
      c.toLowerCase().includes(lower)
    const score = distance <= limit ? distance : contains ? limit + 0.5 : Number.POSITIVE_INFINITY
    if (score < bestScore) {
      best = c
      bestScore = score
    }
  }
  return best
}
