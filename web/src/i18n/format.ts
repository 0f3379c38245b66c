// Locale-aware formatting for the dashboard: pure functions over Intl, so they are unit-tested in Node.

/** The languages the UI ships in (same set as the server and CLI). */
export const UI_LANGS = ['zh-CN', 'zh-TW', 'en'] as const
export type UiLang = (typeof UI_LANGS)[number]

/** `zh-Hant-HK` → zh-TW, `zh` → zh-CN, `en-GB` → en; anything else → undefined. */
export function maybeUiLang(value: string | null | undefined): UiLang | undefined {
  if (!value) return undefined
  const v = value.toLowerCase().replace('_', '-')
  if (v.startsWith('zh')) return /(-tw|-hk|-mo|hant)/.test(v) ? 'zh-TW' : 'zh-CN'
  if (v.startsWith('en')) return 'en'
  return undefined
}

const cache = new Map<string, Intl.NumberFormat>()
function nf(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.NumberFormat(lang, options)
    cache.set(key, f)
  }
  return f
}

const DASH = '—'

/** A count or measure: `12,345` / `12,345`; `—` for missing values. */
export function formatNumber(lang: string, v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH
  return nf(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v)
}

/** Money with its currency symbol: `¥1,234.50`, `CN¥1,234.50` in en, `US$` for dollars in zh. */
export function formatMoney(
  lang: string,
  v: number | null | undefined,
  currency = 'CNY',
  digits = 2,
): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH
  return nf(lang, {
    style: 'currency',
    currency,
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(v)
}

/**
 * Short form for large figures on cards and chart labels: `1.2M` in en, `120万` / `120萬` in Chinese
 * (Intl's compact notation follows each language's own grouping: 万/亿 rather than thousand/million).
 */
export function formatCompact(lang: string, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH
  return nf(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(v)
}

/** Compact money: `¥1.2M`, `¥120万`. */
export function formatMoneyCompact(lang: string, v: number | null | undefined, currency = 'CNY'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH
  return nf(lang, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(v)
}

/** A share 0..1 as a percentage with `digits` decimals: `37.5%`. */
export function formatPercent(lang: string, v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH
  return nf(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    v,
  )
}

/** A calendar date `YYYY-MM-DD` (or a timestamp text) in the locale's medium form: `Jun 30, 2026`, `2026年6月30日`. */
export function formatDate(lang: string, text: string | null | undefined): string {
  if (!text) return DASH
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
  if (!m) return text
  // Built in UTC and formatted in UTC: a calendar date must not shift with the browser's zone.
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d)
}

/** A store timestamp `YYYY-MM-DD HH:MM[:SS]` (wall-clock time in the store's zone) with date and minutes. */
export function formatDateTime(lang: string, text: string | null | undefined): string {
  if (!text) return DASH
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(text)
  if (!m) return formatDate(lang, text)
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])))
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d)
}

/** Change of a KPI since the previous snapshot. */
export interface Delta {
  /** Relative change (0.05 = +5%), or for shares the difference in points; null when not comparable. */
  readonly value: number | null
  readonly kind: 'relative' | 'points'
  readonly direction: 'up' | 'down' | 'flat'
}

/**
 * The change from `before` to `now`: relative for amounts and counts, in percentage points for shares
 * (a repeat rate from 30% to 33% is +3 pts, not +10%). Null when either side is missing or `before` is 0.
 */
export function delta(
  now: number | null,
  before: number | null | undefined,
  kind: Delta['kind'] = 'relative',
): Delta {
  if (now === null || before === null || before === undefined) return { value: null, kind, direction: 'flat' }
  let value: number
  if (kind === 'points') value = now - before
  else if (before === 0) return { value: null, kind, direction: 'flat' }
  else value = (now - before) / Math.abs(before)
  const direction = Math.abs(value) < 0.0005 ? 'flat' : value > 0 ? 'up' : 'down'
  return { value, kind, direction }
}

/** `+4.2%`, `−1.0 pts` (a true minus sign), `0.0%`. */
export function formatDelta(lang: string, d: Delta, pointsLabel: string): string {
  if (d.value === null) return DASH
  const sign = d.direction === 'up' ? '+' : d.direction === 'down' ? '−' : ''
  const abs = Math.abs(d.value)
  if (d.kind === 'points') return `${sign}${formatNumber(lang, abs * 100, 1)} ${pointsLabel}`
  return `${sign}${formatPercent(lang, abs, 1)}`
}
