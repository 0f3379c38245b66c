import type { Lang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'
import type { CustomerExplanation } from './customer-explain.js'
import { segmentLabel } from './rfm-segment-map.js'

/** Which part of the explanation a sentence belongs to, so a page can place it beside the matching score. */
export type ExplanationPart =
  | 'header'
  | 'inputs'
  | 'r'
  | 'f'
  | 'm'
  | 'code'
  | 'lifecycle'
  | 'tier'
  | 'predictions'
  | 'move'

/** One sentence of a customer's explanation, in one language. */
export interface ExplanationSentence {
  readonly part: ExplanationPart
  readonly text: string
}

/** A value as people read it in `lang`: numbers grouped, at most `digits` decimals, `—` for nothing. */
export function readable(lang: Lang, v: unknown, digits = 2): string {
  if (v === null || v === undefined) return '—'
  if (typeof v === 'number') return v.toLocaleString(lang, { maximumFractionDigits: digits })
  return String(v)
}

/** A share as a percentage in `lang`, `—` when missing. */
export function readableShare(lang: Lang, v: unknown): string {
  return typeof v === 'number' ? v.toLocaleString(lang, { style: 'percent', maximumFractionDigits: 1 }) : '—'
}

/**
 * Every score of a customer explained in sentences (inputs, each of R/F/M with its rank and what the next
 * score needs, the segment code, the lifecycle rule that fired, the value tier, the predictions and what
 * would move the customer up), for the CLI and the customer page alike.
 *
 * @example
 * explanationSentences(await explainCustomer(conn, 'latest', 'C1'), 'zh-CN')[0].part // 'header'
 */
export function explanationSentences(why: CustomerExplanation, lang: Lang): ExplanationSentence[] {
  const out: ExplanationSentence[] = []
  const say = (part: ExplanationPart, key: string, params: Record<string, unknown> = {}) =>
    out.push({ part, text: t(lang, key, params) })
  const fmt = (v: unknown, digits = 2) => readable(lang, v, digits)
  const row = why.row
  const asOf = why.snapshot.asOf
  say('header', 'analytics.why.header', { customer: why.customerId, snapshot: why.snapshot.snapshotId, asOf })
  if (!why.dimensions) {
    say('inputs', 'analytics.why.prospect', { asOf })
  } else {
    say('inputs', 'analytics.why.inputs', {
      asOf,
      recency: row['recency_days'],
      frequency: row['frequency'],
      monetary: fmt(row['monetary']),
    })
    for (const d of why.dimensions) {
      const { low, high } = d.range
      const range = low === high ? fmt(low) : `${fmt(low)}–${fmt(high)}`
      say(d.dim, `analytics.why.${d.dim}.${d.method}`, { ...d, n: d.scored, range })
      if (d.next) say(d.dim, `analytics.why.${d.dim}.next`, { score: d.next.score, needs: fmt(d.next.needs) })
      else say(d.dim, 'analytics.why.top', { dim: d.dim.toUpperCase() })
    }
    say('code', 'analytics.why.code', { code: why.code, segment: segmentLabel(why.segment, lang) })
  }
  const stage = t(lang, `analytics.lifecycle.${why.lifecycle.stage}`)
  say('lifecycle', `analytics.why.lifecycle.${why.lifecycle.rule}`, { ...why.lifecycle.params, stage })
  const tier = why.valueTier
  if (tier.tier) {
    const key = tier.tier === 'churned' ? 'analytics.why.tier.churned' : 'analytics.why.tier.ranked'
    say('tier', key, {
      tier: t(lang, `analytics.tier.${tier.tier}`),
      share: readableShare(lang, tier.shareBefore ?? 0),
      high: readableShare(lang, tier.params['high']),
      potential: readableShare(lang, tier.params['potential']),
      regular: readableShare(lang, tier.params['regular']),
      basis: t(lang, `analytics.basis.${tier.params['basis']}`),
    })
  }
  if (row['p_alive'] !== null && row['p_alive'] !== undefined) {
    say('predictions', 'analytics.why.predictions', {
      clv: fmt(row['clv_12m']),
      purchases: fmt(row['expected_purchases_90d']),
      p_alive: fmt(row['p_alive'], 3),
      band: row['churn_band'] ? t(lang, `analytics.band.${row['churn_band']}`) : '—',
      next: fmt(row['expected_next_order_at']),
    })
  }
  if (why.dimensions) {
    if (why.segment === why.bestSegment) say('move', 'analytics.why.move.best')
    else if (why.moveUp.length === 0) say('move', 'analytics.why.move.none')
    for (const m of why.moveUp) {
      say('move', `analytics.why.move.${m.dim}`, {
        segment: segmentLabel(m.segment, lang),
        code: m.code,
        score: m.toScore,
        needs: fmt(m.needs),
      })
    }
  }
  return out
}
