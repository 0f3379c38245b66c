import { type Fragment, join, sql } from '../sql/fragment.js'
import type { LifecycleConfig } from './analysis-config.js'

/** Lifecycle stages (DESIGN §4), stored in this English form and displayed localised. */
export const LIFECYCLE_STAGES = ['Prospect', 'New', 'Repeat', 'Loyal', 'At-risk', 'Churned'] as const
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number]

/**
 * Every rule that can place a customer, in the order they are tried, with the stage it gives. The rule
 * that fired is stored (`lifecycle_reason`) so a customer page can say why.
 */
export const LIFECYCLE_RULES = {
  prospect: 'Prospect',
  churn_days: 'Churned',
  p_alive: 'Churned',
  one_time_overdue: 'At-risk',
  interval_overdue: 'At-risk',
  loyal_rule: 'Loyal',
  repeat: 'Repeat',
  new: 'New',
} as const satisfies Record<string, LifecycleStage>
export type LifecycleRule = keyof typeof LIFECYCLE_RULES

/** The per-customer values the rules read (SQL expressions over the scores stage). */
export interface LifecycleInputs {
  readonly scored: Fragment
  readonly recencyDays: Fragment
  readonly frequency: Fragment
  readonly r: Fragment
  readonly f: Fragment
  readonly medianIntervalDays: Fragment
  readonly pAlive: Fragment
}

/**
 * The rule that fires first, as a SQL CASE yielding a `LifecycleRule` name: no purchase → prospect;
 * past `churnDays` or P(alive) under `pAliveChurn` → churned; a one-time buyer past `oneTimeAtRiskDays`, or
 * a repeat buyer past max(`atRiskIntervalMultiple` × own median interval, `atRiskMinDays`) → at-risk;
 * `loyal` thresholds → loyal; ≥ 2 purchases → repeat; else new.
 *
 * @example
 * sql`SELECT ${lifecycleRuleExpr(DEFAULT_CONFIG.lifecycle, inputs)} AS lifecycle_reason FROM …`
 */
export function lifecycleRuleExpr(c: LifecycleConfig, x: LifecycleInputs): Fragment {
  // A repeat buyer whose purchases all fell on one day has no interval: treat like a one-time buyer.
  const allowed = sql`CASE WHEN ${x.medianIntervalDays} IS NULL THEN ${c.oneTimeAtRiskDays}
      WHEN ${c.atRiskIntervalMultiple} * ${x.medianIntervalDays} > ${c.atRiskMinDays}
      THEN ${c.atRiskIntervalMultiple} * ${x.medianIntervalDays} ELSE ${c.atRiskMinDays} END`
  return sql`CASE
    WHEN NOT ${x.scored} THEN 'prospect'
    WHEN ${x.recencyDays} > ${c.churnDays} THEN 'churn_days'
    WHEN ${x.pAlive} IS NOT NULL AND ${x.pAlive} < ${c.pAliveChurn} THEN 'p_alive'
    WHEN ${x.frequency} = 1 AND ${x.recencyDays} > ${c.oneTimeAtRiskDays} THEN 'one_time_overdue'
    WHEN ${x.frequency} >= 2 AND ${x.recencyDays} > ${allowed} THEN 'interval_overdue'
    WHEN ${x.frequency} >= ${c.loyal.minOrders} AND ${x.r} >= ${c.loyal.minR} AND ${x.f} >= ${c.loyal.minF}
      THEN 'loyal_rule'
    WHEN ${x.frequency} >= 2 THEN 'repeat'
    ELSE 'new' END`
}

/** The stage a rule name gives (SQL CASE over a `lifecycle_reason` column). */
export function lifecycleOfRule(rule: Fragment): Fragment {
  const arms = Object.entries(LIFECYCLE_RULES).map(([name, stage]) => sql`WHEN ${name} THEN ${stage}`)
  return sql`CASE ${rule} ${join(arms, ' ')} END`
}
