import '../i18n/messages/personas.js'
import { LANGS, type Lang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'

/** One text in every language, as stored in JSON description columns. */
export type Localized = Record<Lang, string>

/** A message rendered in every language (stored descriptions are read by people of any language). */
export function localized(key: string, params: Record<string, unknown> = {}): Localized {
  return Object.fromEntries(LANGS.map((lang) => [lang, t(lang, key, params)])) as Localized
}

/** Tag names are short slugs: letters (any script), digits, `-`, `_`, `:` and `.`; no spaces or quotes. */
export function isValidTagName(tag: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}_.:-]{0,62}$/u.test(tag)
}
