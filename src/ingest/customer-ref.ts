import type { CustomerAttrs, CustomerRef } from './identity.js'

type Values = Readonly<Record<string, string | number | boolean | null | undefined>>

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/**
 * The customer a record names (its source id, email, phone) with the attributes it carries; null for a
 * record that names nobody (a guest order, an anonymous event).
 *
 * @example
 * customerRefOf({ customer_id: '17850', country: 'United Kingdom' }, 2)
 */
export function customerRefOf(
  values: Values,
  line: number,
  attributes: string | null = null,
): CustomerRef | null {
  const sid = text(values['customer_id'])
  const email = text(values['email'])
  const phone = text(values['phone'])
  if (sid === null && email === null && phone === null) return null
  const first = text(values['first_name'])
  const last = text(values['last_name'])
  const joined = [first, last].filter((p) => p !== null).join(' ')
  const attrs: CustomerAttrs = {
    name: text(values['name']) ?? (joined || null),
    gender: text(values['gender']),
    birth_date: text(values['birth_date']),
    city: text(values['city']),
    region: text(values['region']),
    country: text(values['country']),
    signup_at: text(values['signup_at']),
    consent_marketing: typeof values['consent_marketing'] === 'boolean' ? values['consent_marketing'] : null,
    attributes,
  }
  return { sid, email, phone, line, attrs }
}

/**
 * The key of the customer a record names (`sid␁email␁phone`), or null when it names nobody: the same
 * identifiers as `customerRefOf`, without building the reference.
 *
 * @example
 * customerKeyOf({ customer_id: '17850' }) // '17850\u0001\u0001'
 */
export function customerKeyOf(values: Values): string | null {
  const sid = text(values['customer_id'])
  const email = text(values['email'])
  const phone = text(values['phone'])
  if (sid === null && email === null && phone === null) return null
  return `${sid ?? ''}\u0001${email ?? ''}\u0001${phone ?? ''}`
}

/**
 * Fills the attributes `into` still lacks from a later record of the same customer, reading them as
 * `customerRefOf` does but only where something is missing (most records of a known customer add nothing).
 *
 * @example
 * fillAttrsFrom(ref.attrs, { city: '泉州' })
 */
export function fillAttrsFrom(into: CustomerAttrs, values: Values): void {
  if (into.name === null) {
    const first = text(values['first_name'])
    const last = text(values['last_name'])
    into.name = text(values['name']) ?? ([first, last].filter((p) => p !== null).join(' ') || null)
  }
  if (into.gender === null) into.gender = text(values['gender'])
  if (into.birth_date === null) into.birth_date = text(values['birth_date'])
  if (into.city === null) into.city = text(values['city'])
  if (into.region === null) into.region = text(values['region'])
  if (into.country === null) into.country = text(values['country'])
  if (into.signup_at === null) into.signup_at = text(values['signup_at'])
  if (into.consent_marketing === null && typeof values['consent_marketing'] === 'boolean')
    into.consent_marketing = values['consent_marketing']
}
