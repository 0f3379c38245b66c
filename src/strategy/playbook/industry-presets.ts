import type { Lang } from '../../i18n/locale.js'
import { FINANCE_OVERLAY, HEALTHCARE_OVERLAY, SOCIAL_OVERLAY } from './industry-overlays.js'
import type { Intent, OverlayText } from './playbook-types.js'

export const INDUSTRIES = ['retail', 'social', 'finance', 'healthcare'] as const
export type Industry = (typeof INDUSTRIES)[number]

/**
 * What "value" means for ranking customers into value tiers under a preset:
 * - `net_spend`: the snapshot's monetary (net spend) — the analytics' own value-tier basis `monetary`;
 * - `assets`: the number in the customer attribute `attributes.assets` (assets under management; a customer
 *   without it counts as 0);
 * - `visits`: the snapshot's frequency (a clinic imports each visit as an order, amount = the bill).
 */
export type ValueMeasure = 'net_spend' | 'assets' | 'visits'

export interface IndustryPreset {
  readonly id: Industry
  readonly valueMeasure: ValueMeasure
  /**
   * Settings for `strata analyze` (the JSON the analytics already reads, `strata.config.json`): the
   * lifecycle clock differs by trade — a group-buyer gone three months is lost, a patient seen yearly is not.
   */
  readonly analysisConfig: Readonly<Record<string, unknown>>
  /** Replaces the retail actions, offer, channel and KPI of every playbook of an intent. */
  readonly overlay?: Readonly<Record<Intent, Readonly<Record<Lang, OverlayText>>>>
  /** Extra guidance shown with the preset (social: the leader incentive scheme). */
  readonly notes?: Readonly<Record<Lang, readonly string[]>>
}

export const INDUSTRY_PRESETS: Readonly<Record<Industry, IndustryPreset>> = {
  retail: { id: 'retail', valueMeasure: 'net_spend', analysisConfig: {} },
  social: {
    id: 'social',
    valueMeasure: 'net_spend',
    analysisConfig: { lifecycle: { churnDays: 90, oneTimeAtRiskDays: 30, atRiskMinDays: 14 } },
    overlay: SOCIAL_OVERLAY,
    notes: {
      en: [
        'Leader (团长) incentives: 8% commission on the group GMV; 10% on the part above ¥30,000 a month',
        '¥5 per new member whose first group order is picked up; ¥10 per sleeping member (no order for 60 days) who orders again',
        'Monthly ranking of leaders by reactivated members and repeat rate, with a prize for the top three',
        'Invite each group to a community: `strata playbook communities` lists, per segment, where to invite whom',
      ],
      'zh-CN': [
        '团长激励:社群 GMV 的 8% 佣金;月 GMV 超过 ¥30,000 部分按 10%',
        '每位新成员首单自提奖励 ¥5;每唤回一位沉睡成员(60 天无订单)奖励 ¥10',
        '按唤回人数和复购率做团长月度排行,前三名额外奖励',
        '把各群体邀请到对应社群:`strata playbook communities` 按分层列出邀请谁进哪个社群',
      ],
      'zh-TW': [
        '團主激勵:社群 GMV 的 8% 佣金;月 GMV 超過 NT$120,000 的部分按 10%',
        '每位新成員首單取貨獎勵 NT$20;每喚回一位沉睡成員(60 天無訂單)獎勵 NT$40',
        '依喚回人數與回購率做團主月排行,前三名額外獎勵',
        '把各群體邀請到對應社群:`strata playbook communities` 依分層列出邀請誰加入哪個社群',
      ],
    },
  },
  finance: {
    id: 'finance',
    valueMeasure: 'assets',
    analysisConfig: { lifecycle: { churnDays: 365, oneTimeAtRiskDays: 180 } },
    overlay: FINANCE_OVERLAY,
  },
  healthcare: {
    id: 'healthcare',
    valueMeasure: 'visits',
    analysisConfig: { lifecycle: { churnDays: 730, oneTimeAtRiskDays: 400, atRiskMinDays: 90 } },
    overlay: HEALTHCARE_OVERLAY,
  },
}

export function isIndustry(value: string): value is Industry {
  return (INDUSTRIES as readonly string[]).includes(value)
}
