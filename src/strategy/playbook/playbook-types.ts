import { LIFECYCLE_STAGES } from '../../analytics/lifecycle.js'
import { DEFAULT_SEGMENT_MAP } from '../../analytics/rfm-segment-map.js'
import type { Lang } from '../../i18n/locale.js'

/** The fields every playbook has, in display order. `actions` is a list; the others are one text each. */
export const PLAYBOOK_FIELDS = ['goal', 'actions', 'offer', 'channel', 'cadence', 'kpi'] as const
export type PlaybookField = (typeof PLAYBOOK_FIELDS)[number]

/** One playbook in one language. */
export interface PlaybookText {
  readonly goal: string
  readonly actions: readonly string[]
  readonly offer: string
  readonly channel: string
  readonly cadence: string
  readonly kpi: string
}

/** A playbook's text in every language we ship. */
export type PlaybookContent = Readonly<Record<Lang, PlaybookText>>

/** The industry-dependent part of a playbook: everything but the goal and the cadence. */
export type OverlayText = Pick<PlaybookText, 'actions' | 'offer' | 'channel' | 'kpi'>

/** The 11 RFM segments (DESIGN §4) and the lifecycle stages each get a playbook. */
export const RFM_PLAYBOOK_SEGMENTS = Object.keys(DEFAULT_SEGMENT_MAP)
export const LIFECYCLE_PLAYBOOK_STAGES: readonly string[] = LIFECYCLE_STAGES

/** A playbook id: `rfm:Champions`, `lifecycle:At-risk`. */
export type PlaybookId = string

/** Every playbook id, RFM segments (best first) then lifecycle stages in order. */
export function allPlaybookIds(): PlaybookId[] {
  return [
    ...RFM_PLAYBOOK_SEGMENTS.map((s) => `rfm:${s}`),
    ...LIFECYCLE_PLAYBOOK_STAGES.map((s) => `lifecycle:${s}`),
  ]
}

/**
 * What a group of customers needs, whatever its name: the industry presets write one text per intent
 * rather than per segment, because a bank or a clinic acts on "reward the best" and "win back the lapsed",
 * not on the 17 names.
 */
export const INTENTS = ['acquire', 'onboard', 'reward', 'grow', 'rescue', 'winback'] as const
export type Intent = (typeof INTENTS)[number]

/** Which intent each playbook serves. */
export const PLAYBOOK_INTENT: Readonly<Record<PlaybookId, Intent>> = {
  'rfm:Champions': 'reward',
  'rfm:Loyal': 'reward',
  'rfm:Potential Loyalist': 'grow',
  'rfm:New Customers': 'onboard',
  'rfm:Promising': 'grow',
  'rfm:Need Attention': 'grow',
  'rfm:About To Sleep': 'rescue',
  'rfm:At Risk': 'rescue',
  'rfm:Cannot Lose Them': 'rescue',
  'rfm:Hibernating': 'winback',
  'rfm:Lost': 'winback',
  'lifecycle:Prospect': 'acquire',
  'lifecycle:New': 'onboard',
  'lifecycle:Repeat': 'grow',
  'lifecycle:Loyal': 'reward',
  'lifecycle:At-risk': 'rescue',
  'lifecycle:Churned': 'winback',
}
