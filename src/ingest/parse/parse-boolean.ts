import type { RawValue } from '../read/types.js'
import { cleanText, type ParseResult, parsed, rejected } from './parse-result.js'

const TRUE = new Set(['true', 'yes', 'y', '1', 't', 'on', '是', '同意', '已同意', '对', '對', '真', '√', '✓'])
const FALSE = new Set([
  'false',
  'no',
  'n',
  '0',
  'f',
  'off',
  '否',
  '不同意',
  '未同意',
  '不',
  '错',
  '錯',
  '假',
  '×',
  '✗',
])

/**
 * Parses a yes/no cell: true/false, yes/no, y/n, 1/0, 是/否, 同意/不同意 (case-insensitive, full-width folded).
 *
 * @example
 * parseBoolean('是') // { ok: true, value: true }
 * parseBoolean('FALSE') // { ok: true, value: false }
 */
export function parseBoolean(input: RawValue): ParseResult<boolean> {
  if (input === null || input === '') return rejected('empty')
  if (typeof input === 'boolean') return parsed(input)
  if (typeof input === 'number') {
    if (input === 1 || input === 0) return parsed(input === 1)
    return rejected('boolean_invalid', { text: String(input) })
  }
  const text = cleanText(input).toLowerCase()
  if (text === '') return rejected('empty')
  if (TRUE.has(text)) return parsed(true)
  if (FALSE.has(text)) return parsed(false)
  return rejected('boolean_invalid', { text: input })
}
