import type { Lang } from './locale.js'

/** A message: plain text with `{name}` slots, or a function of the parameters for plural-like cases. */
export type Message = string | ((params: Record<string, unknown>) => string)
/** One subsystem's messages in every language; the English keys define the set. */
export type Catalog = Record<Lang, Record<string, Message>>

const catalogs: Catalog[] = []

/** Registers a subsystem's catalog (done once, at import time of the subsystem's messages module). */
export function registerCatalog(catalog: Catalog): void {
  catalogs.push(catalog)
}

function lookup(lang: Lang, key: string): Message | undefined {
  for (const c of catalogs) {
    const m = c[lang][key]
    if (m !== undefined) return m
  }
  return undefined
}

/**
 * Translates a message key with parameters; falls back to English, then to the key itself so a missing
 * translation is visible rather than silent.
 *
 * @example
 * t('zh-CN', 'ingest.rows_imported', { n: 3 }) // '已导入 3 行'
 */
export function t(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const message = lookup(lang, key) ?? lookup('en', key)
  if (message === undefined) return key
  if (typeof message === 'function') return message(params)
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(params[name], lang) : whole,
  )
}

function formatParam(value: unknown, lang: Lang): string {
  if (typeof value === 'number') return value.toLocaleString(lang, { maximumFractionDigits: 2 })
  return String(value)
}

/** Every key present in English but missing in another language (used by the completeness test). */
export function missingTranslations(): { lang: Lang; key: string }[] {
  const missing: { lang: Lang; key: string }[] = []
  for (const c of catalogs) {
    for (const key of Object.keys(c.en)) {
      for (const lang of ['zh-CN', 'zh-TW'] as const) {
        if (c[lang][key] === undefined) missing.push({ lang, key })
      }
    }
  }
  return missing
}
