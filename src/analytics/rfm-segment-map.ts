import type { Diagnostic } from '../core/diagnostics.js'
import type { Lang } from '../i18n/locale.js'

/** Segment name (English, the canonical form stored in the database) → the R F M codes it covers. */
export type SegmentMap = Readonly<Record<string, readonly string[]>>

/**
 * The 11 RFM segments of DESIGN §4, best first. Edit freely: `checkSegmentMap` rejects a map that leaves
 * a code uncovered or covers one twice. Order matters: it ranks segments for "what would move them up".
 */
export const DEFAULT_SEGMENT_MAP: SegmentMap = {
  Champions: ['555', '554', '544', '545', '454', '455', '445'],
  Loyal: ['543', '444', '435', '355', '354', '345', '344', '335'],
  'Potential Loyalist': [
    '553',
    '551',
    '552',
    '541',
    '542',
    '533',
    '532',
    '531',
    '452',
    '451',
    '442',
    '441',
    '431',
    '453',
    '433',
    '432',
    '423',
    '353',
    '352',
    '351',
    '342',
    '341',
    '333',
    '323',
  ],
  'New Customers': ['512', '511', '422', '421', '412', '411', '311'],
  Promising: [
    '525',
    '524',
    '523',
    '522',
    '521',
    '515',
    '514',
    '513',
    '425',
    '424',
    '413',
    '414',
    '415',
    '315',
    '314',
    '313',
  ],
  'Need Attention': ['535', '534', '443', '434', '343', '334', '325', '324'],
  'About To Sleep': ['331', '321', '312', '221', '213', '231', '241', '251'],
  'At Risk': [
    '255',
    '254',
    '245',
    '244',
    '253',
    '252',
    '243',
    '242',
    '235',
    '234',
    '225',
    '224',
    '153',
    '152',
    '145',
    '143',
    '142',
    '135',
    '134',
    '133',
    '125',
    '124',
  ],
  'Cannot Lose Them': ['155', '154', '144', '214', '215', '115', '114', '113'],
  Hibernating: ['332', '322', '233', '232', '223', '222', '132', '123', '122', '212', '211'],
  Lost: ['111', '112', '121', '131', '141', '151'],
}

/** Display names of the default segments. A segment a user adds shows its own (English) name. */
export const SEGMENT_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  Champions: { en: 'Champions', 'zh-CN': '冠军客户', 'zh-TW': '冠軍客戶' },
  Loyal: { en: 'Loyal', 'zh-CN': '忠诚客户', 'zh-TW': '忠誠客戶' },
  'Potential Loyalist': { en: 'Potential Loyalist', 'zh-CN': '潜力忠诚客户', 'zh-TW': '潛力忠誠客戶' },
  'New Customers': { en: 'New Customers', 'zh-CN': '新客户', 'zh-TW': '新客戶' },
  Promising: { en: 'Promising', 'zh-CN': '有潜力客户', 'zh-TW': '具潛力客戶' },
  'Need Attention': { en: 'Need Attention', 'zh-CN': '需要关注', 'zh-TW': '需要關注' },
  'About To Sleep': { en: 'About To Sleep', 'zh-CN': '即将沉睡', 'zh-TW': '即將沉睡' },
  'At Risk': { en: 'At Risk', 'zh-CN': '流失风险', 'zh-TW': '流失風險' },
  'Cannot Lose Them': { en: 'Cannot Lose Them', 'zh-CN': '不能失去', 'zh-TW': '不能失去' },
  Hibernating: { en: 'Hibernating', 'zh-CN': '休眠客户', 'zh-TW': '休眠客戶' },
  Lost: { en: 'Lost', 'zh-CN': '已流失', 'zh-TW': '已流失' },
}

/**
 * A segment's name in the user's language (the stored English name when it has no translation).
 *
 * @example
 * segmentLabel('At Risk', 'zh-TW') // '流失風險'
 */
export function segmentLabel(name: string | null, lang: Lang): string {
  if (name === null) return '—'
  return SEGMENT_NAMES[name]?.[lang] ?? name
}

/** Every code a map must cover for `bins` score levels: '111' … '555'. */
export function allCodes(bins: number): string[] {
  const codes: string[] = []
  for (let r = 1; r <= bins; r++)
    for (let f = 1; f <= bins; f++) for (let m = 1; m <= bins; m++) codes.push(`${r}${f}${m}`)
  return codes
}

/**
 * Checks that a map covers every code for `bins` exactly once. Returns diagnostics (empty = valid).
 *
 * @example
 * checkSegmentMap({ ...DEFAULT_SEGMENT_MAP, Lost: ['111'] }, 5)
 * // [{ code: 'analytics.segment_map.missing', params: { codes: '112, 121, 131, 141, 151' } }]
 */
export function checkSegmentMap(map: SegmentMap, bins: number): Diagnostic[] {
  const expected = new Set(allCodes(bins))
  const seen = new Map<string, string>()
  const out: Diagnostic[] = []
  for (const [segment, codes] of Object.entries(map)) {
    for (const code of codes) {
      if (!expected.has(code)) {
        out.push({ code: 'analytics.segment_map.unknown_code', params: { segment, code, bins } })
        continue
      }
      const first = seen.get(code)
      if (first !== undefined) {
        out.push({ code: 'analytics.segment_map.duplicate', params: { code, first, second: segment } })
      } else seen.set(code, segment)
    }
  }
  const missing = [...expected].filter((c) => !seen.has(c))
  if (missing.length)
    out.push({ code: 'analytics.segment_map.missing', params: { codes: missing.join(', ') } })
  return out
}

// A quartile score stands for the quintile at the same relative position: 1→1, 2→2, 3→4, 4→5.
const QUARTILE_AS_QUINTILE = [0, 1, 2, 4, 5]

/**
 * The default map for a bin count: quintiles use DESIGN's table; quartile codes borrow the segment of
 * the quintile code at the same relative position, so the 11 segments keep their meaning.
 *
 * @example
 * defaultSegmentMap(4)['Champions'] // ['444', '443', '434', …]
 */
export function defaultSegmentMap(bins: 4 | 5): SegmentMap {
  if (bins === 5) return DEFAULT_SEGMENT_MAP
  const of5 = new Map<string, string>()
  for (const [segment, codes] of Object.entries(DEFAULT_SEGMENT_MAP))
    for (const c of codes) of5.set(c, segment)
  const map: Record<string, string[]> = {}
  for (const segment of Object.keys(DEFAULT_SEGMENT_MAP)) map[segment] = []
  for (const code of allCodes(4)) {
    const as5 = [...code].map((d) => QUARTILE_AS_QUINTILE[Number(d)]).join('')
    map[of5.get(as5)!]!.push(code)
  }
  for (const segment of Object.keys(map)) if (map[segment]!.length === 0) delete map[segment]
  return map
}

/** Code → segment, for building the SQL lookup. */
export function segmentPairs(map: SegmentMap): [code: string, segment: string][] {
  return Object.entries(map).flatMap(([segment, codes]) => codes.map((c) => [c, segment] as [string, string]))
}
