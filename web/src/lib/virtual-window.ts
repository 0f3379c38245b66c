/**
 * Which rows of a fixed-height list are on screen (plus `overscan` either side), so a list of 100,000
 * members renders only a few dozen rows. Pure: unit-tested.
 *
 * @example
 * visibleRange(1000, 32, 320, 3200) // { start: 97, end: 113 }
 */
export function visibleRange(
  scrollTop: number,
  rowHeight: number,
  viewportHeight: number,
  total: number,
  overscan = 6,
): { start: number; end: number } {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 }
  const count = Math.ceil(viewportHeight / rowHeight)
  // A scroll position past the end (the list shrank under a filter) shows the last screenful.
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), Math.max(0, total - count))
  return { start: Math.max(0, first - overscan), end: Math.min(total, first + count + overscan) }
}
