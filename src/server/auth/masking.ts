import type { Principal } from './roles.js'
import { seesPii } from './roles.js'

/** Fields that identify a person directly (DESIGN §6): hidden from roles that do not need them. */
export const PII_FIELDS = ['email', 'phone', 'name'] as const

/** `zhang.wei@example.com` → `z***@example.com`; `13800138000` → `138****8000`; `张伟` → `张*`. */
export function maskValue(field: string, value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value
  if (field === 'email') {
    const at = value.indexOf('@')
    return at > 0 ? `${value[0]}***${value.slice(at)}` : '***'
  }
  if (field === 'phone') {
    // The `+` of an international number stays: `+8613800138000` → `+861****8000` still reads as a phone.
    const plus = value.trim().startsWith('+') ? '+' : ''
    const digits = value.replace(/\D/g, '')
    return digits.length >= 7 ? `${plus}${digits.slice(0, 3)}****${digits.slice(-4)}` : '****'
  }
  const chars = [...value]
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`
}

/**
 * THE masking step — every response (JSON bodies through the serialisation hook, streamed rows through the
 * stream writer) passes here. A "customer record" is any object with a `customer_id` key: its email, phone
 * and name — and identity values of kind email/phone — are masked for roles that may not see PII.
 * Returns the value unchanged for roles that may.
 */
export function maskPii<T>(value: T, principal: Principal | undefined): T {
  if (seesPii(principal)) return value
  return walk(value) as T
}

function walk(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(walk)
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  const isCustomer = 'customer_id' in obj || 'customerId' in obj
  for (const [k, v] of Object.entries(obj)) {
    if (isCustomer && (PII_FIELDS as readonly string[]).includes(k)) out[k] = maskValue(k, v)
    else if (k === 'value' && (obj['kind'] === 'email' || obj['kind'] === 'phone'))
      out[k] = maskValue(String(obj['kind']), v)
    else out[k] = walk(v)
  }
  return out
}
