import { checkSegmentMap, type SegmentMap } from '../../../src/analytics/rfm-segment-map.js'

/** The codes typed into one segment's box: digits groups separated by spaces, commas or 、(any width). */
export function parseCodes(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((c) => c.trim())
    .filter(Boolean)
}

/** A segment's codes as the box shows them. */
export function printCodes(codes: readonly string[]): string {
  return codes.join(' ')
}

export interface MapProblems {
  /** Codes that no segment lists. */
  readonly missing: readonly string[]
  /** Codes listed by two segments. */
  readonly duplicates: readonly { code: string; first: string; second: string }[]
  /** Entries that are not an RFM code for the bin count. */
  readonly unknown: readonly { segment: string; code: string }[]
  /** Segment → its codes that are wrong (repeated elsewhere or not a code), for marking the row. */
  readonly wrongIn: ReadonlyMap<string, ReadonlySet<string>>
  readonly ok: boolean
}

/**
 * Checks an edited segment map with the core's checker (the same one `strata analyze` and the server run)
 * and says which codes are wrong and where.
 *
 * @example
 * mapProblems({ Lost: ['111', '111'] }, 5).duplicates // [{ code: '111', first: 'Lost', second: 'Lost' }]
 */
export function mapProblems(map: SegmentMap, bins: number): MapProblems {
  const missing: string[] = []
  const duplicates: { code: string; first: string; second: string }[] = []
  const unknown: { segment: string; code: string }[] = []
  const wrongIn = new Map<string, Set<string>>()
  const mark = (segment: string, code: string) => {
    const set = wrongIn.get(segment) ?? new Set<string>()
    set.add(code)
    wrongIn.set(segment, set)
  }
  for (const d of checkSegmentMap(map, bins)) {
    const p = d.params ?? {}
    if (d.code === 'analytics.segment_map.missing') missing.push(...String(p['codes']).split(', '))
    else if (d.code === 'analytics.segment_map.duplicate') {
      const x = { code: String(p['code']), first: String(p['first']), second: String(p['second']) }
      duplicates.push(x)
      mark(x.first, x.code)
      mark(x.second, x.code)
    } else if (d.code === 'analytics.segment_map.unknown_code') {
      const x = { segment: String(p['segment']), code: String(p['code']) }
      unknown.push(x)
      mark(x.segment, x.code)
    }
  }
  return {
    missing,
    duplicates,
    unknown,
    wrongIn,
    ok: missing.length + duplicates.length + unknown.length === 0,
  }
}
