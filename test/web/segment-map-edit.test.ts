import { describe, expect, it } from 'vitest'
import { allCodes, DEFAULT_SEGMENT_MAP } from '../../src/analytics/rfm-segment-map.js'
import { mapProblems, parseCodes, printCodes } from '../../web/src/lib/segment-map-edit.js'

describe('segment map editor helpers', () => {
  it('reads codes separated by spaces, commas (any width) and 、', () => {
    expect(parseCodes(' 555, 554，544、 545\n455 ')).toEqual(['555', '554', '544', '545', '455'])
    expect(parseCodes('')).toEqual([])
    expect(parseCodes(printCodes(['111', '112']))).toEqual(['111', '112'])
  })

  it('the default map is valid; a moved, a repeated and a mistyped code are each named with their rows', () => {
    expect(mapProblems(DEFAULT_SEGMENT_MAP, 5).ok).toBe(true)
    const map: Record<string, string[]> = Object.fromEntries(
      Object.entries(DEFAULT_SEGMENT_MAP).map(([k, v]) => [k, [...v]]),
    )
    map['Lost'] = map['Lost']!.filter((c) => c !== '111') // 111 missing
    map['Champions'] = [...map['Champions']!, '112', '611'] // 112 repeated (Lost has it); 611 not a code
    const p = mapProblems(map, 5)
    expect(p.ok).toBe(false)
    expect(p.missing).toEqual(['111'])
    expect(p.duplicates).toEqual([{ code: '112', first: 'Champions', second: 'Lost' }])
    expect(p.unknown).toEqual([{ segment: 'Champions', code: '611' }])
    expect([...p.wrongIn.get('Champions')!].sort()).toEqual(['112', '611'])
    expect([...p.wrongIn.get('Lost')!]).toEqual(['112'])
    // Every code missing from an empty map.
    expect(mapProblems({}, 4).missing).toEqual(allCodes(4))
  })
})
