import type { RawValue } from './types.js'

const LONG_DIGITS = /\d{16}/
const QUOTE = 34
const BACKSLASH = 92

/** Index of the quote that closes the JSON string opened at `open` (past the end if it never closes). */
function closingQuote(text: string, open: number): number {
  let i = open + 1
  while (i < text.length && text.charCodeAt(i) !== QUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1
  return i
}

/**
 * Wraps number literals with more than 15 significant digits in quotes, so `JSON.parse` keeps them exact as text
 * (order ids such as 20240305123456789012, DECIMAL(18,4) amounts) instead of rounding them to a float.
 *
 * @example
 * protectLongNumbers('{"id": 12345678901234567890}') // '{"id": "12345678901234567890"}'
 */
export function protectLongNumbers(text: string): string {
  if (!LONG_DIGITS.test(text)) return text
  let out = ''
  let from = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      i = closingQuote(text, i)
      continue
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      let j = i + 1
      while (j < n && /[0-9.eE+-]/.test(text[j]!)) j++
      const token = text.slice(i, j)
      const significant = token
        .replace(/[eE].*$/, '')
        .replace(/[-.]/g, '')
        .replace(/^0+/, '')
      if (significant.length > 15) {
        out += `${text.slice(from, i)}"${token}"`
        from = j
      }
      i = j - 1
    }
  }
  return out + text.slice(from)
}

/**
 * JSON text without the whitespace between tokens: one line for the rejects file, same values and number
 * spellings as in the source.
 *
 * @example
 * compactJson('{ "a": [1, 2] }') // '{"a":[1,2]}'
 */
export function compactJson(text: string): string {
  let out = ''
  let from = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      i = closingQuote(text, i)
      continue
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      out += text.slice(from, i)
      from = i + 1
    }
  }
  return from === 0 ? text : out + text.slice(from)
}

/** Cells of a freshly parsed JSON object, in its key order (nested values replaced in place by their JSON text). */
export function toRawValues(object: Record<string, unknown>): Record<string, RawValue> {
  for (const key in object) {
    const v = object[key]
    // defineProperty, not assignment: a key named "__proto__" would otherwise set the prototype
    if (v !== null && typeof v === 'object') {
      Object.defineProperty(object, key, {
        value: JSON.stringify(v),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
  }
  return object as Record<string, RawValue>
}
