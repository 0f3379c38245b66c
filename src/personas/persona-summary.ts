import { LANGS } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'
import type { PersonaCard, Share } from './persona-card.js'
import type { Localized } from './tag-text.js'
import '../i18n/messages/personas.js'

/** A value "dominates" a distribution when it holds at least this share. */
const DOMINANT = { age: 0.3, gender: 0.6, tier: 0.4, channel: 0.5, category: 0.25 } as const

function dominant<T extends string>(list: readonly Share<T>[], min: number): T | undefined {
  const top = [...list].sort((a, b) => b.share - a.share)[0]
  return top && top.share >= min ? top.value : undefined
}

/** The discount share in words: 'all' | 'most' | 'half' | 'some' | 'few'. */
export function couponWord(share: number): string {
  if (share >= 0.85) return 'all'
  if (share >= 0.6) return 'most'
  if (share >= 0.4) return 'half'
  if (share >= 0.15) return 'some'
  return 'few'
}

/**
 * The written summary of a persona card, from its numbers only, by templates in each language: who they
 * are (dominant age band, gender, city tier), what and how often they buy, how price-driven they are,
 * where they buy, what they are worth and how they feel (churn risk, NPS).
 */
export function personaSummary(card: Omit<PersonaCard, 'summary'>): Localized {
  const out = {} as Localized
  const age = dominant(card.age, DOMINANT.age)
  const gender = dominant(card.gender, DOMINANT.gender)
  const tier = dominant(card.cityTier, DOMINANT.tier)
  const category =
    card.topCategories[0] && card.topCategories[0].share >= DOMINANT.category
      ? card.topCategories[0].name
      : undefined
  const channels = Object.entries(card.channels) as [string, number][]
  const channel = channels.sort((a, b) => b[1] - a[1]).find(([, s]) => s >= DOMINANT.channel)?.[0]
  const highRisk = card.churnRisk.find((b) => b.value === 'High')
  for (const lang of LANGS) {
    const pct = (x: number) => x.toLocaleString(lang, { style: 'percent', maximumFractionDigits: 0 })
    const money = (x: number) => x.toLocaleString(lang, { maximumFractionDigits: 0 })
    const sentences: string[] = [
      t(lang, 'personas.summary.size', {
        size: card.size,
        sizeShare: pct(card.sizeShare),
        revenueShare: pct(card.revenueShare),
      }),
    ]
    if (card.buyers === 0) {
      sentences.push(t(lang, 'personas.summary.no_buyers'))
      out[lang] = sentences.join(' ')
      continue
    }
    sentences.push(
      t(lang, 'personas.summary.who', { age: age ?? '', gender: gender ?? '', tier: tier ?? '' }),
    )
    sentences.push(
      t(lang, 'personas.summary.buy', {
        category: category ?? '',
        days: card.intervalDays === null ? '' : card.intervalDays,
      }),
    )
    sentences.push(
      t(lang, 'personas.summary.coupons', {
        word: couponWord(card.priceSensitivity.discountedOrders),
        share: pct(card.priceSensitivity.discountedOrders),
      }),
    )
    if (channel)
      sentences.push(
        t(lang, `personas.summary.channel.${channel}`, { share: pct(card.channels[channel as 'online']) }),
      )
    if (card.aov.overall !== null)
      sentences.push(t(lang, 'personas.summary.aov', { aov: money(card.aov.overall) }))
    if (card.clv.median !== null)
      sentences.push(t(lang, 'personas.summary.clv', { clv: money(card.clv.median) }))
    if (highRisk && highRisk.customers > 0)
      sentences.push(t(lang, 'personas.summary.churn', { share: pct(highRisk.share) }))
    if (card.nps.score !== null && card.nps.respondents >= 5)
      sentences.push(
        t(lang, 'personas.summary.nps', { score: card.nps.score, respondents: card.nps.respondents }),
      )
    out[lang] = sentences.filter((s) => s !== '').join(lang === 'en' ? ' ' : '')
  }
  return out
}
