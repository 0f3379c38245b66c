import { escapeRegExp } from './escape-regexp.js'

/** Fields a date pattern can capture. */
export type PatternField =
  | 'year'
  | 'year2'
  | 'month'
  | 'day'
  | 'hour'
  | 'hour12'
  | 'minute'
  | 'second'
  | 'fraction'
  | 'ampm'

/** A compiled `--date-format` pattern: a regular expression and the field each group fills. */
export interface DatePattern {
  readonly regex: RegExp
  readonly fields: readonly PatternField[]
  readonly hasTime: boolean
}

const TOKENS: Record<string, { field: PatternField; width: number }> = {
  YYYY: { field: 'year', width: 4 },
  YY: { field: 'year2', width: 2 },
  MM: { field: 'month', width: 2 },
  M: { field: 'month', width: 2 },
  DD: { field: 'day', width: 2 },
  D: { field: 'day', width: 2 },
  HH: { field: 'hour', width: 2 },
  H: { field: 'hour', width: 2 },
  hh: { field: 'hour12', width: 2 },
  h: { field: 'hour12', width: 2 },
  mm: { field: 'minute', width: 2 },
  m: { field: 'minute', width: 2 },
  ss: { field: 'second', width: 2 },
  s: { field: 'second', width: 2 },
}

const TOKEN = /YYYY|YY|MM|M|DD|D|HH|H|hh|h|mm|m|ss|s|S+|A|a|\s+|./g

/**
 * Compiles a pattern such as 'YYYY/MM/DD HH:mm' or 'DD.MM.YYYY' (tokens YYYY YY MM M DD D HH H hh h mm m ss s
 * S… A; anything else is literal). Two-digit tokens also accept one digit ('2024/3/5' fits 'YYYY/MM/DD') unless
 * they touch another number token ('YYYYMMDD' needs exact widths). Undefined when the pattern has no year, month
 * and day.
 *
 * @example
 * compileDatePattern('DD.MM.YYYY')?.regex.test('5.3.2024') // true
 */
export function compileDatePattern(pattern: string): DatePattern | undefined {
  const tokens = pattern.match(TOKEN) ?? []
  const isNumeric = (t: string | undefined) => t !== undefined && (t in TOKENS || /^S+$/.test(t))
  const fields: PatternField[] = []
  let source = ''
  tokens.forEach((t, i) => {
    const spec = TOKENS[t]
    if (spec) {
      const exact = spec.width === 4 || isNumeric(tokens[i - 1]) || isNumeric(tokens[i + 1])
      source += exact ? `(\\d{${spec.width}})` : `(\\d{1,${spec.width}})`
      fields.push(spec.field)
    } else if (/^S+$/.test(t)) {
      source += `(\\d{${t.length}})`
      fields.push('fraction')
    } else if (t === 'A' || t === 'a') {
      source += '(AM|PM|am|pm|上午|下午)'
      fields.push('ampm')
    } else if (/^\s+$/.test(t)) {
      source += '\\s*'
    } else {
      source += escapeRegExp(t)
    }
  })
  const has = (f: PatternField) => fields.includes(f)
  if (!(has('year') || has('year2')) || !has('month') || !has('day')) return undefined
  return {
    regex: new RegExp(`^${source}`),
    fields,
    hasTime: has('hour') || has('hour12'),
  }
}
