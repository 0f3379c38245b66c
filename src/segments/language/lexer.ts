import type { Diagnostic } from '../../core/diagnostics.js'
import type { Span, TimeUnit } from './ast.js'
import { formatNumber } from './printer.js'
import { diagnosticAt } from './report.js'

export type Token =
  | { kind: 'ident'; text: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'date'; value: string; span: Span }
  | { kind: 'duration'; amount: number; unit: TimeUnit; span: Span }
  | { kind: 'relative'; amount: number; unit: TimeUnit; span: Span }
  | { kind: 'op'; op: '=' | '!=' | '<' | '<=' | '>' | '>='; span: Span }
  | { kind: '(' | ')' | ',' | ':' | 'eof'; span: Span }

/** Refuses absurdly long definitions up front, so every later stage runs in bounded time. */
export const MAX_LENGTH = 20_000

// Chinese keyboards produce full-width punctuation; it means the same as the ASCII form.
const PUNCT: Record<string, '(' | ')' | ',' | ':'> = {
  '(': '(',
  ')': ')',
  ',': ',',
  ':': ':',
  '（': '(',
  '）': ')',
  '，': ',',
  '：': ':',
}
const QUOTES: Record<string, string> = { "'": "'", '"': '"', '‘': '’', '“': '”' }
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' }
const IDENT_START = /[\p{L}_]/u
const IDENT_PART = /[\p{L}\p{N}\p{M}_]/u
const WORD_TAIL = /^[\p{L}\p{N}\p{M}_.]*/u

/** A real calendar date `YYYY-M-D` (zero padding optional) → `YYYY-MM-DD`, else null. */
export function normaliseDate(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const probe = new Date(Date.UTC(y, mo - 1, d))
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * Splits a definition into tokens. Stops at the first character it cannot read and reports it; keywords
 * are plain identifiers here (the parser compares them case-insensitively).
 */
export function tokenize(text: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const tokens: Token[] = []
  const fail = (code: string, start: number, end: number, params: Record<string, unknown> = {}) => ({
    tokens,
    diagnostics: [diagnosticAt(text, code, { start, end }, params)],
  })
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (/\s/u.test(c)) {
      i++
      continue
    }
    const start = i
    const punct = PUNCT[c]
    if (punct) {
      tokens.push({ kind: punct, span: { start, end: i + 1 } })
      i++
      continue
    }
    const two = text.slice(i, i + 2)
    if (two === '!=' || two === '<>' || two === '<=' || two === '>=') {
      const op = two === '<>' ? '!=' : two
      tokens.push({ kind: 'op', op, span: { start, end: i + 2 } })
      i += 2
      continue
    }
    if (c === '=' || c === '<' || c === '>' || c === '≠' || c === '≤' || c === '≥' || c === '＝') {
      const op = c === '≠' ? '!=' : c === '≤' ? '<=' : c === '≥' ? '>=' : c === '＝' ? '=' : c
      tokens.push({ kind: 'op', op, span: { start, end: i + 1 } })
      i++
      continue
    }
    const close = QUOTES[c]
    if (close) {
      let value = ''
      let j = i + 1
      let closed = false
      while (j < text.length) {
        const ch = text[j]!
        if (ch === close) {
          closed = true
          j++
          break
        }
        // Curly quotes need no escapes (the closing mark differs), so a backslash in them is literal.
        if (ch === '\\' && (c === "'" || c === '"')) {
          const next = text[j + 1]
          if (next === undefined) break
          const escaped = ESCAPES[next]
          if (escaped === undefined)
            return fail('segment.syntax.bad_escape', j, j + 2, { text: text.slice(j, j + 2) })
          value += escaped
          j += 2
          continue
        }
        value += ch
        j++
      }
      if (!closed) return fail('segment.syntax.unterminated_string', start, text.length, { quote: c })
      tokens.push({ kind: 'string', value, span: { start, end: j } })
      i = j
      continue
    }
    const signed = (c === '-' || c === '+') && /[0-9]/.test(text[i + 1] ?? '')
    if (/[0-9]/.test(c) || signed) {
      const word = readWord(text, signed ? i + 1 : i)
      const end = (signed ? i + 1 : i) + word.length
      const token = classifyNumber(word, signed ? (c as '-' | '+') : '', { start, end })
      if (token === 'too_far')
        return fail('segment.syntax.too_far', start, end, { text: text.slice(start, end), years: MAX_YEARS })
      if (!token) return fail('segment.syntax.bad_number', start, end, { text: text.slice(start, end) })
      if (token.kind === 'date' && token.value === '')
        return fail('segment.syntax.bad_date', start, end, { text: text.slice(start, end) })
      tokens.push(token)
      i = end
      continue
    }
    if (IDENT_START.test(c)) {
      let j = i + 1
      while (j < text.length && IDENT_PART.test(text[j]!)) j++
      tokens.push({ kind: 'ident', text: text.slice(i, j), span: { start, end: j } })
      i = j
      continue
    }
    const cp = String.fromCodePoint(text.codePointAt(i)!)
    return fail('segment.syntax.unexpected_char', start, start + cp.length, { char: cp })
  }
  tokens.push({ kind: 'eof', span: { start: text.length, end: text.length } })
  return { tokens, diagnostics: [] }
}

/** The run of digits, letters, dots and date dashes starting at `from`. */
function readWord(text: string, from: number): string {
  const date = /^\d{4}-\d{1,2}-\d{1,2}(?![\p{L}\p{N}_])/u.exec(text.slice(from, from + 12))
  if (date) return date[0]
  return WORD_TAIL.exec(text.slice(from))![0]
}

/** Relative dates and windows reach at most this far, so every computed date stays a valid calendar date. */
export const MAX_YEARS = 100
const MAX_AMOUNT: Record<TimeUnit, number> = {
  d: MAX_YEARS * 366,
  w: MAX_YEARS * 53,
  m: MAX_YEARS * 12,
  y: MAX_YEARS,
}

function classifyNumber(word: string, sign: '-' | '+' | '', span: Span): Token | 'too_far' | null {
  if (word.includes('-')) {
    if (sign) return null
    return { kind: 'date', value: normaliseDate(word) ?? '', span }
  }
  const unit = /^(\d+)([dwmy])$/i.exec(word)
  if (unit) {
    const amount = Number(unit[1])
    const u = unit[2]!.toLowerCase() as TimeUnit
    if (!Number.isSafeInteger(amount) || amount > MAX_AMOUNT[u]) return 'too_far'
    // `-30d` is 30 days before the as-of date, `+7d` a week after it (a negative amount counts forward).
    if (sign === '-') return { kind: 'relative', amount, unit: u, span }
    if (sign === '+') return { kind: 'relative', amount: -amount, unit: u, span }
    return { kind: 'duration', amount, unit: u, span }
  }
  if (!/^\d+(\.\d+)?$/.test(word)) return null
  const value = Number(word)
  // A number the printer cannot write back exactly in plain decimals (far too small) is refused.
  if (!Number.isFinite(value) || Number(formatNumber(value)) !== value) return null
  // -0 would print as 0; keep one zero so print/parse round-trips exactly.
  return { kind: 'number', value: sign === '-' && value !== 0 ? -value : value, span }
}
