import { en, type MessageKey } from './en.js'
import type { UiLang } from './format.js'
import { zhCN } from './zh-CN.js'
import { zhTW } from './zh-TW.js'

export type { MessageKey }

/** Every UI text in every language. */
export const CATALOGS: Readonly<Record<UiLang, Readonly<Record<MessageKey, string>>>> = {
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
}

/** A UI text with `{name}` slots filled; values are inserted as given (format numbers before). */
export function translate(
  lang: UiLang,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const text = CATALOGS[lang][key] ?? en[key] ?? key
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
