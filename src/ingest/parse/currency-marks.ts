import { escapeRegExp } from './escape-regexp.js'

/**
 * Currency marks written next to amounts, and the ISO 4217 code each stands for. '¥' and '元' are read as CNY
 * (the users are Chinese retailers; Japanese data says '円' or 'JPY'), a bare '$' as USD: callers that know the
 * store's currency may prefer it over these guesses.
 */
export const CURRENCY_MARKS: Readonly<Record<string, string>> = {
  '¥': 'CNY',
  'CN¥': 'CNY',
  RMB: 'CNY',
  元: 'CNY',
  块: 'CNY',
  人民币: 'CNY',
  人民幣: 'CNY',
  'JP¥': 'JPY',
  円: 'JPY',
  日元: 'JPY',
  日圓: 'JPY',
  $: 'USD',
  US$: 'USD',
  美元: 'USD',
  HK$: 'HKD',
  港币: 'HKD',
  港幣: 'HKD',
  港元: 'HKD',
  NT$: 'TWD',
  新台币: 'TWD',
  新台幣: 'TWD',
  新臺幣: 'TWD',
  MOP$: 'MOP',
  A$: 'AUD',
  AU$: 'AUD',
  C$: 'CAD',
  CA$: 'CAD',
  S$: 'SGD',
  R$: 'BRL',
  '€': 'EUR',
  欧元: 'EUR',
  歐元: 'EUR',
  '£': 'GBP',
  英镑: 'GBP',
  英鎊: 'GBP',
  '₩': 'KRW',
  '₹': 'INR',
  '₽': 'RUB',
  '฿': 'THB',
}

/** ISO codes accepted as written ('CNY 88', '12.50 EUR'). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(
  (
    'CNY USD EUR GBP JPY HKD TWD MOP KRW SGD AUD CAD CHF NZD INR RUB BRL THB MYR IDR PHP VND SEK NOK DKK PLN ' +
    'MXN ZAR AED SAR TRY CZK HUF ILS'
  ).split(' '),
)

/** The currency a mark or code stands for (codes case-insensitive), or undefined. */
export function currencyOf(mark: string): string | undefined {
  const upper = mark.toUpperCase()
  return CURRENCY_MARKS[mark] ?? CURRENCY_MARKS[upper] ?? (CURRENCY_CODES.has(upper) ? upper : undefined)
}

/** Regular-expression alternation of every mark and code, longest first so 'CN¥' wins over '¥'. */
export const CURRENCY_PATTERN = [...Object.keys(CURRENCY_MARKS), ...CURRENCY_CODES]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|')
