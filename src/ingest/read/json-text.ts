import type { RawValue } from './types.js'

const LONG_DIGITS = /\d{16}/

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
    if (c === 34) {
      for (i++; i < n && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++
      continue
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      let j = i + 1
      while (j < n && /[0-9.eE+-]/.test(text[j]!)) j++
      const token = text.slice(i, j)
      const significant = token.replace(/[eE].*$/, '').replace(/[-.]/g, '').replace(/^0+/, '')
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
    if (c === 34) {
      for (i++; i < n && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++
      continue
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      out += text.slice(from, i)
      from = i + 1
    }
  }
  return from === 0 ? text : out + text.slice(from)
}

/** A parsed JSON value as a cell: scalars as they are, objects and arrays as their JSON text. */
export function toRawValue(value: unknown): RawValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value
  }
  return JSON.stringify(value)
}

/** Cells of a JSON object, in its key order. */
export function toRawValues(object: Record<string, unknown>): Record<string, RawValue> {
  const values: Record<string, RawValue> = {}
  for (const key of Object.keys(object)) values[key] = toRawValue(object[key])
  return values
}
