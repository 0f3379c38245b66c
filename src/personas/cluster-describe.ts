import type { Lang } from '../i18n/locale.js'
import { LANGS } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'
import type { FeatureSpec } from './feature-matrix.js'
import type { Localized } from './tag-text.js'
import '../i18n/messages/personas.js'

/** How far a cluster's mean sits from the overall mean, in overall standard deviations, per feature. */
export interface FeatureContrast {
  readonly feature: string
  readonly z: number
  /** Mean of the raw feature in the cluster and overall (shares 0..1, days, money). */
  readonly clusterMean: number
  readonly overallMean: number
}

/** A contrast worth naming: at least half a standard deviation away. */
export const DISTINCT_Z = 0.5

/** Features ordered by how much they set the group apart (largest |z| first, ties by feature order). */
export function distinguishing(contrasts: readonly FeatureContrast[]): FeatureContrast[] {
  return contrasts
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Math.abs(b.c.z) - Math.abs(a.c.z) || a.i - b.i)
    .map((x) => x.c)
}

/** "high night-order share" / "夜间下单多" for one contrast in one language. */
export function contrastLabel(lang: Lang, spec: FeatureSpec, z: number): string {
  return t(lang, `personas.feature.${spec.key}.${z >= 0 ? 'high' : 'low'}`, { category: spec.category ?? '' })
}

const DAY_FEATURES = new Set(['recency', 'tenure'])

/** A value in the feature's units for a sentence: shares as percentages, the rest rounded. */
export function featureValue(lang: Lang, spec: FeatureSpec, value: number): string {
  if (spec.share) return value.toLocaleString(lang, { style: 'percent', maximumFractionDigits: 0 })
  const n = value.toLocaleString(lang, { maximumFractionDigits: value < 10 ? 1 : 0 })
  return DAY_FEATURES.has(spec.key) ? t(lang, 'personas.unit.days', { n }) : n
}

/**
 * A generated name (the two most distinguishing features) and a description (up to four, each with the
 * group's value against the overall one), in every language.
 */
export function describeGroup(
  specs: readonly FeatureSpec[],
  contrasts: readonly FeatureContrast[],
): { name: Localized; description: Localized } {
  const ranked = distinguishing(contrasts)
  const named = ranked.filter((c) => Math.abs(c.z) >= DISTINCT_Z).slice(0, 2)
  const described = ranked.filter((c) => Math.abs(c.z) >= DISTINCT_Z).slice(0, 4)
  const spec = (c: FeatureContrast) => specs.find((s) => s.name === c.feature)!
  const name = {} as Localized
  const description = {} as Localized
  for (const lang of LANGS) {
    name[lang] =
      named.length === 0
        ? t(lang, 'personas.cluster.average')
        : named.map((c) => contrastLabel(lang, spec(c), c.z)).join(t(lang, 'personas.list.separator'))
    description[lang] =
      described.length === 0
        ? t(lang, 'personas.cluster.average_description')
        : described
            .map((c) =>
              t(lang, 'personas.cluster.contrast', {
                label: contrastLabel(lang, spec(c), c.z),
                value: featureValue(lang, spec(c), c.clusterMean),
                overall: featureValue(lang, spec(c), c.overallMean),
                z: (Math.round(c.z * 10) / 10).toFixed(1),
              }),
            )
            .join(t(lang, 'personas.list.sentence_separator'))
  }
  return { name, description }
}
