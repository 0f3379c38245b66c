import { type Lang, maybeLang } from '../../i18n/locale.js'

/**
 * The caller's language: `?lang=` wins, then the first `Accept-Language` entry (by q-weight) that names a
 * language we ship, else English.
 *
 * @example
 * requestLang(undefined, 'zh-TW,zh;q=0.9,en;q=0.8') // 'zh-TW'
 */
export function requestLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  const explicit = maybeLang(query)
  if (explicit) return explicit
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag ?? '', q: q ? Number(q.slice(2)) : 1, i }
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  for (const { tag } of ranked) {
    const lang = maybeLang(tag)
    if (lang) return lang
  }
  return 'en'
}
