import { UI_LANGS, type UiLang } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'

const NATIVE: Record<UiLang, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' }

export function LangSwitcher({ id = 'lang' }: { id?: string }) {
  const { lang, setLang, t } = useI18n()
  return (
    <label className="lang" htmlFor={id}>
      <span className="visually-hidden">{t('lang.label')}</span>
      <span aria-hidden="true" className="lang-icon">
        文A
      </span>
      <select
        id={id}
        value={lang}
        onChange={(e) => setLang(e.target.value as UiLang)}
        data-testid="lang-switch"
      >
        {UI_LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE[l]}
          </option>
        ))}
      </select>
    </label>
  )
}
