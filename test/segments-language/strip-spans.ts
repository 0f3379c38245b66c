/** A tree without its spans, for comparing trees "modulo spans". */
export function stripSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSpans)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'span')
        .map(([k, v]) => [k, stripSpans(v)]),
    )
  }
  return value
}
