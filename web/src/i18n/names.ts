import { SEGMENT_NAMES as CORE_SEGMENT_NAMES } from '../../../src/analytics/rfm-segment-map.js'
import type { UiLang } from './format.js'

type Names = Readonly<Record<string, Readonly<Record<UiLang, string>>>>

// The stored (English) names of segments, lifecycle stages and value tiers, as people read them. The 11 RFM
// segment names are the core's own table (DESIGN §4), so the page, the CLI and the reports never disagree.
export const SEGMENT_NAMES: Names = CORE_SEGMENT_NAMES

export const LIFECYCLE_NAMES: Names = {
  Prospect: { en: 'Prospect', 'zh-CN': '潜在客户', 'zh-TW': '潛在客戶' },
  New: { en: 'New', 'zh-CN': '新客户', 'zh-TW': '新客戶' },
  Repeat: { en: 'Repeat', 'zh-CN': '回头客', 'zh-TW': '回頭客' },
  Loyal: { en: 'Loyal', 'zh-CN': '忠实客户', 'zh-TW': '忠實客戶' },
  'At-risk': { en: 'At-risk', 'zh-CN': '流失预警', 'zh-TW': '流失預警' },
  Churned: { en: 'Churned', 'zh-CN': '已流失', 'zh-TW': '已流失' },
}

export const TIER_NAMES: Names = {
  high: { en: 'High value', 'zh-CN': '高价值', 'zh-TW': '高價值' },
  potential: { en: 'Potential', 'zh-CN': '潜力', 'zh-TW': '潛力' },
  regular: { en: 'Regular', 'zh-CN': '一般', 'zh-TW': '一般' },
  low: { en: 'Low value', 'zh-CN': '低价值', 'zh-TW': '低價值' },
  churned: { en: 'Churned', 'zh-CN': '已流失', 'zh-TW': '已流失' },
}

/** The order segments are drawn in: best first, as in DESIGN §4. */
export const SEGMENT_ORDER = Object.keys(SEGMENT_NAMES)
export const TIER_ORDER = Object.keys(TIER_NAMES)

/** A stored name in `lang`; unknown names (a user-edited segment map) are shown as stored. */
export function nameOf(table: Names, key: string | null | undefined, lang: UiLang): string {
  if (key === null || key === undefined) return '—'
  return table[key]?.[lang] ?? key
}
