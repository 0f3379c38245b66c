import { describe, expect, it } from 'vitest'
import {
  allCodes,
  checkSegmentMap,
  DEFAULT_SEGMENT_MAP,
  defaultSegmentMap,
  SEGMENT_NAMES,
  segmentLabel,
} from '../../src/analytics/index.js'

describe('RFM segment map', () => {
  it('ships a default that covers all 125 codes exactly once, with names in three languages', () => {
    expect(checkSegmentMap(DEFAULT_SEGMENT_MAP, 5)).toEqual([])
    expect(Object.values(DEFAULT_SEGMENT_MAP).flat()).toHaveLength(125)
    expect(Object.keys(DEFAULT_SEGMENT_MAP)).toHaveLength(11)
    for (const name of Object.keys(DEFAULT_SEGMENT_MAP))
      expect(Object.keys(SEGMENT_NAMES[name]!)).toHaveLength(3)
    expect(segmentLabel('At Risk', 'zh-CN')).toBe('流失风险')
    expect(segmentLabel('Promising', 'zh-TW')).toBe('具潛力客戶')
    expect(segmentLabel('My own segment', 'zh-TW')).toBe('My own segment')
  })

  it('rejects a map that misses a code, repeats one, or lists a code that does not exist', () => {
    const missing = { ...DEFAULT_SEGMENT_MAP, Lost: ['111', '112', '121', '131', '141'] }
    expect(checkSegmentMap(missing, 5)).toEqual([
      { code: 'analytics.segment_map.missing', params: { codes: '151' } },
    ])
    const twice = { ...DEFAULT_SEGMENT_MAP, Champions: [...DEFAULT_SEGMENT_MAP['Champions']!, '111'] }
    expect(checkSegmentMap(twice, 5)).toEqual([
      {
        code: 'analytics.segment_map.duplicate',
        params: { code: '111', first: 'Champions', second: 'Lost' },
      },
    ])
    const bogus = { ...DEFAULT_SEGMENT_MAP, Extra: ['556'] }
    expect(checkSegmentMap(bogus, 5)[0]).toMatchObject({
      code: 'analytics.segment_map.unknown_code',
      params: { code: '556' },
    })
  })

  it('derives a complete quartile map that keeps the segments meaning', () => {
    const map4 = defaultSegmentMap(4)
    expect(checkSegmentMap(map4, 4)).toEqual([])
    expect(Object.values(map4).flat().sort()).toEqual(allCodes(4).sort())
    expect(map4['Champions']).toContain('444')
    expect(map4['Lost']).toContain('111')
  })
})
