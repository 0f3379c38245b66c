import { DEFAULT_SEGMENT_MAP, LIFECYCLE_STAGES, segmentLabel, VALUE_TIERS } from '../analytics/index.js'
import type { Lang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'

/** The three ways a snapshot groups customers; migration, KPIs and drift work on each. */
export type GroupDimension = 'rfm_segment' | 'lifecycle' | 'value_tier'
export const GROUP_DIMENSIONS: readonly GroupDimension[] = ['rfm_segment', 'lifecycle', 'value_tier']

/** A customer absent from one of the two snapshots (not yet known, or erased). */
export const NOT_PRESENT = '(not present)'
/** A customer in the snapshot without an RFM segment / tier: a prospect, no purchase yet. */
export const UNSCORED = '(unscored)'

/**
 * How good a group is, for calling a move an upgrade or a downgrade (higher is better). Groups on one
 * level are peers: a move between them is "lateral". RFM: the loyal core on top; growing customers
 * (new, promising, potential loyalists) next; slipping ones; lapsed valuable ones; then hibernating and
 * lost. Lifecycle: Loyal > Repeat > New > Prospect (bought nothing yet) > At-risk > Churned, so winning a
 * churned customer back or a first purchase is an upgrade. Unscored (prospects) rank below every scored
 * group of RFM and tiers: a first purchase is an upgrade.
 */
const LEVELS: Record<GroupDimension, Record<string, number>> = {
  rfm_segment: {
    Champions: 6,
    Loyal: 5,
    'Potential Loyalist': 4,
    'New Customers': 4,
    Promising: 4,
    'Need Attention': 3,
    'About To Sleep': 3,
    'At Risk': 2,
    'Cannot Lose Them': 2,
    Hibernating: 1,
    Lost: 0,
    [UNSCORED]: -1,
  },
  lifecycle: { Loyal: 5, Repeat: 4, New: 3, Prospect: 2, 'At-risk': 1, Churned: 0 },
  value_tier: { high: 4, potential: 3, regular: 2, low: 1, churned: 0, [UNSCORED]: -1 },
}

/** The level of a group (undefined for a group this build does not know, e.g. a user's own segment). */
export function groupLevel(dimension: GroupDimension, key: string): number | undefined {
  return LEVELS[dimension][key]
}

export type MoveDirection = 'same' | 'upgrade' | 'downgrade' | 'lateral' | 'entered' | 'left'

/** Classifies a move from one group to another. */
export function moveDirection(dimension: GroupDimension, from: string, to: string): MoveDirection {
  if (from === to) return 'same'
  if (from === NOT_PRESENT) return 'entered'
  if (to === NOT_PRESENT) return 'left'
  const a = groupLevel(dimension, from)
  const b = groupLevel(dimension, to)
  if (a === undefined || b === undefined || a === b) return 'lateral'
  return b > a ? 'upgrade' : 'downgrade'
}

/** Groups in display order: the dimension's own order (best first), unknown groups by name, then the two specials. */
export function sortGroups(dimension: GroupDimension, keys: Iterable<string>): string[] {
  const canonical: readonly string[] =
    dimension === 'rfm_segment'
      ? Object.keys(DEFAULT_SEGMENT_MAP)
      : dimension === 'lifecycle'
        ? ['Loyal', 'Repeat', 'New', 'At-risk', 'Churned', 'Prospect']
        : VALUE_TIERS
  const rank = (k: string) => {
    if (k === UNSCORED) return 1e6
    if (k === NOT_PRESENT) return 1e6 + 1
    const i = canonical.indexOf(k)
    return i >= 0 ? i : 1e5
  }
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/** A group's name in the user's language. */
export function groupLabel(dimension: GroupDimension, key: string | null, lang: Lang): string {
  if (key === null || key === UNSCORED) return t(lang, 'evaluation.group.unscored')
  if (key === NOT_PRESENT) return t(lang, 'evaluation.group.not_present')
  if (dimension === 'rfm_segment') return segmentLabel(key, lang)
  if (dimension === 'lifecycle' && (LIFECYCLE_STAGES as readonly string[]).includes(key))
    return t(lang, `analytics.lifecycle.${key}`)
  if (dimension === 'value_tier' && (VALUE_TIERS as readonly string[]).includes(key))
    return t(lang, `analytics.tier.${key}`)
  return key
}
