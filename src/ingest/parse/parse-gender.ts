import type { RawValue } from '../read/types.js'
import { cleanText } from './parse-result.js'

const FEMALE = new Set(['f', 'female', 'woman', 'w', '女', '女性', '女士', '2'])
const MALE = new Set(['m', 'male', 'man', '男', '男性', '先生', '1'])

/**
 * 'M' or 'F' from the usual spellings (M/F, male/female, 男/女, 1/2 as in Chinese ID-card exports); anything
 * else (unknown, 保密, blank) is null — an unknown gender is not an error.
 *
 * @example
 * parseGender('女') // 'F'
 * parseGender('保密') // null
 */
export function parseGender(input: RawValue): 'M' | 'F' | null {
  if (input === null || typeof input === 'boolean') return null
  const text = cleanText(String(input)).toLowerCase()
  if (MALE.has(text)) return 'M'
  if (FEMALE.has(text)) return 'F'
  return null
}
