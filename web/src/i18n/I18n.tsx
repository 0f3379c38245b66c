import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { type MessageKey, translate } from './catalog.js'
import { maybeUiLang, type UiLang } from './format.js'

const STORAGE_KEY = 'strata.lang'

interface I18nValue {
  readonly lang: UiLang
  setLang(lang: UiLang): void
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string
}

const I18nContext = createContext<I18nValue | null>(null)

/** The saved choice, else the browser's languages, else English. */
export function initialLang(): UiLang {
  const saved = maybeUiLang(localStorage.getItem(STORAGE_KEY))
  if (saved) return saved
  for (const l of navigator.languages ?? [navigator.language]) {
    const hit = maybeUiLang(l)
    if (hit) return hit
  }
  return 'en'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLang>(initialLang)
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  const setLang = useCallback((next: UiLang) => {
    localStorage.setItem(STORAGE_KEY, next)
    setLangState(next)
  }, [])
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext)
  if (!v) throw new Error('useI18n outside I18nProvider')
  return v
}
