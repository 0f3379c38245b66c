/** The languages every user-facing text ships in. */
export const LANGS = ['en', 'zh-CN', 'zh-TW'] as const
export type Lang = (typeof LANGS)[number]

/**
 * Picks the language from an explicit choice, then `STRATA_LANG`, then the POSIX locale variables.
 * Traditional Chinese locales (TW, HK, MO, Hant) map to zh-TW, other Chinese ones to zh-CN.
 *
 * @example
 * detectLang(undefined, { LANG: 'zh_TW.UTF-8' }) // 'zh-TW'
 */
export function detectLang(explicit?: string, env: Record<string, string | undefined> = {}): Lang {
  const candidates = [explicit, env['STRATA_LANG'], env['LC_ALL'], env['LC_MESSAGES'], env['LANG']]
  for (const c of candidates) {
    const lang = maybeLang(c)
    if (lang) return lang
  }
  return 'en'
}

/** Reads one locale string (`zh_CN.UTF-8`, `zh-Hant`, `en-US`…); undefined when it names no language we ship. */
export function maybeLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined
  const v = value.toLowerCase().replace('_', '-')
  if (v.startsWith('zh')) return /(-tw|-hk|-mo|hant)/.test(v) ? 'zh-TW' : 'zh-CN'
  if (v.startsWith('en')) return 'en'
  if (v === 'c' || v === 'posix' || v.startsWith('c.')) return undefined
  return undefined
}
