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
