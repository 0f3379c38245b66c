import { describe, expect, it } from 'vitest'
import '../src/i18n/messages/index.js'
import { detectLang } from '../src/i18n/locale.js'
import { missingTranslations, t } from '../src/i18n/translate.js'

describe('i18n', () => {
  it('has every message in zh-CN and zh-TW', () => {
    expect(missingTranslations()).toEqual([])
  })

  it('detects the language from flag, STRATA_LANG and POSIX locale', () => {
    expect(detectLang('zh-TW', { LANG: 'en_US.UTF-8' })).toBe('zh-TW')
    expect(detectLang(undefined, { STRATA_LANG: 'zh-CN', LANG: 'en_US.UTF-8' })).toBe('zh-CN')
    expect(detectLang(undefined, { LANG: 'zh_HK.UTF-8' })).toBe('zh-TW')
    expect(detectLang(undefined, { LC_ALL: 'zh_CN.GB18030' })).toBe('zh-CN')
    expect(detectLang(undefined, { LANG: 'C.UTF-8' })).toBe('en')
    expect(detectLang(undefined, {})).toBe('en')
  })

  it('fills parameters and falls back to the key when a message is missing', () => {
    expect(t('zh-CN', 'cli.bad_lang', { value: 'fr', choices: 'en' })).toBe('未知语言"fr":请选择 en 之一。')
    expect(t('en', 'no.such.key')).toBe('no.such.key')
  })
})
