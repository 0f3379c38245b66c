import type { Diagnostic, Result } from '../../core/diagnostics.js'
import { LANGS, type Lang } from '../../i18n/locale.js'
import { PLAYBOOK_FIELDS, type PlaybookField, type PlaybookText } from './playbook-types.js'

/** The fields a user changed, per language. */
export type PlaybookEdit = Partial<Record<Lang, Partial<Record<PlaybookField, string | string[]>>>>

/** Longest text accepted for one field or one action: a playbook is read on a screen, not a report. */
export const MAX_FIELD_LENGTH = 600
/** Most actions a playbook lists. */
export const MAX_ACTIONS = 10

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Checks an edit read from a JSON / YAML file or built from flags. The input is either
 * `{ "zh-CN": { offer: "…" }, en: { … } }` or, with `lang` given, just the fields `{ offer: "…" }`.
 * Every mistake is reported with its path (`zh-CN.actions[2]`) and the file.
 *
 * @example
 * checkPlaybookEdit({ offer: '满 ¥199 减 ¥30' }, { lang: 'zh-CN' })
 */
export function checkPlaybookEdit(
  input: unknown,
  options: { lang?: Lang; file?: string } = {},
): Result<PlaybookEdit> {
  const diagnostics: Diagnostic[] = []
  const at = (field: string) => ({ file: options.file, field })
  if (!isObject(input))
    return { ok: false, diagnostics: [{ code: 'strategy.playbook.edit_not_object', at: at('') }] }
  const byLang: [string, unknown][] = options.lang
    ? Object.keys(input).some((k) => (LANGS as readonly string[]).includes(k))
      ? Object.entries(input)
      : [[options.lang, input]]
    : Object.entries(input)
  const edit: PlaybookEdit = {}
  for (const [lang, fields] of byLang) {
    if (!(LANGS as readonly string[]).includes(lang)) {
      diagnostics.push({
        code: 'strategy.playbook.unknown_lang',
        params: { lang, langs: LANGS.join(', ') },
        at: at(lang),
      })
      continue
    }
    if (!isObject(fields)) {
      diagnostics.push({ code: 'strategy.playbook.edit_not_object', at: at(lang) })
      continue
    }
    const out: Partial<Record<PlaybookField, string | string[]>> = {}
    for (const [field, value] of Object.entries(fields)) {
      const path = `${lang}.${field}`
      if (!(PLAYBOOK_FIELDS as readonly string[]).includes(field)) {
        diagnostics.push({
          code: 'strategy.playbook.unknown_field',
          params: { field, fields: PLAYBOOK_FIELDS.join(', ') },
          at: at(path),
        })
        continue
      }
      if (field === 'actions') {
        const list = typeof value === 'string' ? [value] : value
        if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ACTIONS) {
          diagnostics.push({
            code: 'strategy.playbook.bad_actions',
            params: { max: MAX_ACTIONS },
            at: at(path),
          })
          continue
        }
        const problems = list.map((a, i) => textProblem(a, `${path}[${i}]`, options.file)).filter((d) => d)
        if (problems.length) diagnostics.push(...(problems as Diagnostic[]))
        else out.actions = list.map((a) => (a as string).trim())
        continue
      }
      const problem = textProblem(value, path, options.file)
      if (problem) diagnostics.push(problem)
      else out[field as PlaybookField] = (value as string).trim()
    }
    edit[lang as Lang] = out
  }
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, value: edit }
}

function textProblem(value: unknown, path: string, file: string | undefined): Diagnostic | undefined {
  const at = { file, field: path }
  if (typeof value !== 'string') return { code: 'strategy.playbook.not_text', at }
  if (value.trim() === '') return { code: 'strategy.playbook.empty_text', at }
  if (value.length > MAX_FIELD_LENGTH)
    return { code: 'strategy.playbook.too_long', params: { max: MAX_FIELD_LENGTH, length: value.length }, at }
  return undefined
}

/** A text with the user's changed fields laid over it. */
export function applyEdit(
  base: PlaybookText,
  fields: Partial<Record<PlaybookField, string | string[]>> | undefined,
): PlaybookText {
  if (!fields) return base
  const result = { ...base } as Record<PlaybookField, string | readonly string[]>
  for (const f of PLAYBOOK_FIELDS) if (fields[f] !== undefined) result[f] = fields[f]!
  return result as unknown as PlaybookText
}
