import '../../i18n/messages/analytics.js'
import { LIFECYCLE_STAGES } from '../../analytics/lifecycle.js'
import { DEFAULT_SEGMENT_MAP, SEGMENT_NAMES } from '../../analytics/rfm-segment-map.js'
import { CHURN_BANDS, VALUE_TIERS } from '../../analytics/value-tier.js'
import { LANGS } from '../../i18n/locale.js'
import { t } from '../../i18n/translate.js'

/**
 * Fields whose values come from a fixed list: stored in English, shown (and accepted) in every language
 * the analytics display them in. `'流失风险'`, `'流失風險'`, `'at risk'` all mean the stored `'At Risk'`.
 */
const DISPLAY: Record<
  string,
  { values: readonly string[]; label: (value: string, lang: (typeof LANGS)[number]) => string }
> = {
  rfm_segment: {
    values: Object.keys(DEFAULT_SEGMENT_MAP),
    label: (v, lang) => SEGMENT_NAMES[v]?.[lang] ?? v,
  },
  lifecycle: { values: LIFECYCLE_STAGES, label: (v, lang) => t(lang, `analytics.lifecycle.${v}`) },
  value_tier: { values: VALUE_TIERS, label: (v, lang) => t(lang, `analytics.tier.${v}`) },
  churn_band: { values: CHURN_BANDS, label: (v, lang) => t(lang, `analytics.band.${v}`) },
}

/** The stored values of an enum field, or undefined when the field is free text. */
export function enumValues(field: string): readonly string[] | undefined {
  return DISPLAY[field]?.values
}

/** One stored value of an enum field as shown in one language. */
export function enumLabel(field: string, value: string, lang: (typeof LANGS)[number]): string {
  return DISPLAY[field]?.label(value, lang) ?? value
}

/** The values of an enum field as shown in one language (stored order), e.g. for "valid values: …". */
export function enumLabels(field: string, lang: (typeof LANGS)[number]): string[] {
  const d = DISPLAY[field]
  return d ? d.values.map((v) => d.label(v, lang)) : []
}

/** Every spelling accepted for an enum field, stored value first (for did-you-mean). */
export function enumSpellings(field: string): string[] {
  const d = DISPLAY[field]
  if (!d) return []
  const out = new Set<string>(d.values)
  for (const v of d.values) for (const lang of LANGS) out.add(d.label(v, lang))
  return [...out]
}

/** The stored value a user's spelling stands for (English case-insensitively, Chinese names exactly). */
export function resolveEnum(field: string, spelling: string): string | undefined {
  const d = DISPLAY[field]
  if (!d) return spelling
  const wanted = spelling.trim().toLowerCase()
  for (const v of d.values) {
    if (v.toLowerCase() === wanted) return v
    for (const lang of LANGS) if (d.label(v, lang).toLowerCase() === wanted) return v
  }
  return undefined
}
