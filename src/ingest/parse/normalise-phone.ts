import type { RawValue } from '../read/types.js'
import { cleanText, type ParseResult, parsed, rejected } from './parse-result.js'

/** Calling code, trunk prefix dialled before national numbers, and national number lengths, by country. */
const COUNTRIES: Readonly<Record<string, { code: string; trunk: string; lengths: readonly number[] }>> = {
  CN: { code: '86', trunk: '0', lengths: [10, 11] },
  HK: { code: '852', trunk: '', lengths: [8] },
  MO: { code: '853', trunk: '', lengths: [8] },
  TW: { code: '886', trunk: '0', lengths: [8, 9] },
  SG: { code: '65', trunk: '', lengths: [8] },
  US: { code: '1', trunk: '1', lengths: [10] },
  CA: { code: '1', trunk: '1', lengths: [10] },
  GB: { code: '44', trunk: '0', lengths: [9, 10] },
  AU: { code: '61', trunk: '0', lengths: [9] },
  JP: { code: '81', trunk: '0', lengths: [9, 10] },
  KR: { code: '82', trunk: '0', lengths: [8, 9, 10] },
}

/** Mainland numbers after +86: mobiles 1[3-9]+9 digits, Beijing 10+8 digits, other landlines area code + subscriber (10–11 digits), 400/800. */
const CN_NATIONAL = /^(?:1[3-9]\d{9}|10\d{8}|[2-9]\d{8,10}|[48]00\d{7})$/

/** Extensions ('ext 12', 'x12', '转12', '分机12') are not part of an E.164 number; they are dropped. */
const EXTENSION = /\s*(?:ext\.?|x|#|转|轉|分机|分機)\s*\d{1,6}$/i

/**
 * A phone number in E.164 ('+8613812345678'). Numbers without a country prefix are read in `defaultCountry`
 * (CN by default: '138 1234 5678', '(021) 6123 4567' landlines with their area code, '8613812345678');
 * '+' or '00' introduces any other country. Separators, full-width digits and extensions are dropped.
 *
 * @example
 * normalisePhone('+86-138-1234-5678') // { ok: true, value: '+8613812345678' }
 * normalisePhone('(021) 6123 4567') // { ok: true, value: '+862161234567' }
 */
export function normalisePhone(input: RawValue, defaultCountry = 'CN'): ParseResult<string> {
  if (input === null || input === '') return rejected('empty')
  if (typeof input === 'boolean') return rejected('phone_invalid', { text: String(input) })
  const text = cleanText(String(input)).replace(EXTENSION, '')
  if (text === '') return rejected('empty')
  if (!/^\+?[\d\s\-.()/]+$/.test(text)) return rejected('phone_invalid', { text: String(input) })
  const plus = text.startsWith('+')
  let digits = text.replace(/\D/g, '')
  let international = plus
  if (!plus && digits.startsWith('00')) {
    digits = digits.slice(2)
    international = true
  }
  const country = COUNTRIES[defaultCountry.toUpperCase()]
  if (!international) {
    if (!country) return rejected('phone_unknown_country', { country: defaultCountry })
    // A national number written with its country code but no '+' ('8613812345678').
    if (country.code === '86' && /^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2)
    else if (digits.startsWith(country.code) && !country.lengths.includes(digits.length)) {
      const rest = digits.slice(country.code.length)
      if (country.lengths.includes(rest.length)) digits = rest
    }
    if (country.trunk && digits.startsWith(country.trunk) && !country.lengths.includes(digits.length)) {
      digits = digits.slice(country.trunk.length)
    } else if (country.trunk === '0' && digits.startsWith('0')) {
      digits = digits.slice(1)
    }
    digits = country.code + digits
  }
  if (digits.startsWith('86')) {
    // '+86 021 …': the trunk 0 is dialled only inside China.
    const national = digits.slice(2).replace(/^0/, '')
    if (!CN_NATIONAL.test(national)) return rejected('phone_invalid', { text: String(input) })
    return parsed(`+86${national}`)
  }
  if (!international && country && !country.lengths.includes(digits.length - country.code.length)) {
    return rejected('phone_invalid', { text: String(input) })
  }
  if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) {
    return rejected('phone_invalid', { text: String(input) })
  }
  return parsed(`+${digits}`)
}
