const CANDIDATES = [',', '\t', ';', '|'] as const

/**
 * Guesses the delimiter from the first lines of a text file: the candidate that occurs (outside quotes) the same
 * number of times on the most lines, then the most often; a comma when nothing fits.
 *
 * @example
 * sniffDelimiter('a;b;c\n1;2;3\n') // ';'
 */
export function sniffDelimiter(head: string): string {
  const lines = head
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split(/\r\n|\n|\r/)
    .slice(0, 20)
    .filter((l) => l.length > 0)
  // The last line of a sample may be cut short.
  if (lines.length > 2) lines.pop()
  let best: string = ','
  let bestScore = -1
  let bestCount = 0
  for (const c of CANDIDATES) {
    const counts = lines.map((l) => l.split(c).length - 1)
    const first = counts[0] ?? 0
    if (first === 0) continue
    const score = counts.filter((n) => n === first).length
    if (score > bestScore || (score === bestScore && first > bestCount)) {
      best = c
      bestScore = score
      bestCount = first
    }
  }
  return best
}

/** A `--delimiter` value as one character ('tab' and '\t' spelled out are accepted), or undefined if unusable. */
export function maybeDelimiter(value: string): string | undefined {
  const v = value === 'tab' || value === '\\t' ? '\t' : value
  return v.length === 1 && v !== '"' && v !== '\n' && v !== '\r' ? v : undefined
}
