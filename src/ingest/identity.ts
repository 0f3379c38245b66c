import { createHash } from 'node:crypto'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { erasedMatcher } from '../store/erased-identities.js'
import { customerKeyOf, customerRefOf, fillAttrsFrom } from './customer-ref.js'
import { StagingWriter } from './load/staging.js'

/** Customer attributes a record may carry besides its identifiers. */
export interface CustomerAttrs {
  name: string | null
  gender: string | null
  birth_date: string | null
  city: string | null
  region: string | null
  country: string | null
  signup_at: string | null
  consent_marketing: boolean | null
  attributes: string | null
}

export const ATTR_NAMES = [
  'name',
  'gender',
  'birth_date',
  'city',
  'region',
  'country',
  'signup_at',
  'consent_marketing',
  'attributes',
] as const

/** How one record names its customer: the source's own id and/or a normalised email / phone. */
export interface CustomerRef {
  readonly sid: string | null
  readonly email: string | null
  readonly phone: string | null
  /** First line of the file that named this customer this way. */
  readonly line: number
  readonly attrs: CustomerAttrs
}

/** What `RefTable` returns for a record naming an erased person. */
export const ERASED = Symbol('erased')

/**
 * A test for references naming a person erased from this store: by the source's own id (or, without
 * one, the email / phone the source names them by, as `resolveIdentities` keys them), email or phone.
 */
export async function erasedRefTest(
  conn: Connection,
  source: string,
): Promise<(ref: CustomerRef) => boolean> {
  const erased = await erasedMatcher(conn)
  return (ref) => {
    const sourceKey = ref.sid ?? ref.email ?? ref.phone
    return (
      (sourceKey !== null && erased({ kind: 'source_id', source, value: sourceKey })) ||
      (ref.email !== null && erased({ kind: 'email', source: '', value: ref.email })) ||
      (ref.phone !== null && erased({ kind: 'phone', source: '', value: ref.phone }))
    )
  }
}

/**
 * The distinct customer references of one file, numbered in order of first appearance; records carry the
 * number (`ref_no`). Attributes come from the first record, later records fill what it left empty.
 *
 * @example
 * const refs = new RefTable(); const n = refs.add({ sid: '17850', email: null, phone: null, line: 2, attrs })
 */
export class RefTable {
  readonly refs: CustomerRef[] = []
  private readonly index = new Map<string, number>()
  private readonly erasedKeys = new Set<string>()
  private isErased: (ref: CustomerRef) => boolean = () => false

  /**
   * From now on, a reference naming an erased person is not added: `add` and `addRecord` return `ERASED`
   * and the caller leaves the record out.
   */
  skipErased(test: (ref: CustomerRef) => boolean): void {
    this.isErased = test
  }

  add(ref: CustomerRef): number | typeof ERASED {
    const key = `${ref.sid ?? ''}\u0001${ref.email ?? ''}\u0001${ref.phone ?? ''}`
    if (this.erasedKeys.has(key)) return ERASED
    const known = this.index.get(key)
    if (known === undefined && this.isErased(ref)) {
      this.erasedKeys.add(key)
      return ERASED
    }
    if (known !== undefined) {
      fillAttrs(this.refs[known]!.attrs, ref.attrs)
      return known
    }
    this.refs.push({ ...ref, attrs: { ...ref.attrs } })
    this.index.set(key, this.refs.length - 1)
    return this.refs.length - 1
  }

  /**
   * `add(customerRefOf(values, line))` without building a reference for a customer already seen (most
   * records of a file): null when the record names nobody.
   */
  addRecord(values: Parameters<typeof customerKeyOf>[0], line: number): number | null | typeof ERASED {
    const key = customerKeyOf(values)
    if (key === null) return null
    if (this.erasedKeys.has(key)) return ERASED
    const known = this.index.get(key)
    if (known !== undefined) {
      fillAttrsFrom(this.refs[known]!.attrs, values)
      return known
    }
    const ref = customerRefOf(values, line)!
    if (this.isErased(ref)) {
      this.erasedKeys.add(key)
      return ERASED
    }
    this.refs.push(ref)
    this.index.set(key, this.refs.length - 1)
    return this.refs.length - 1
  }
}

function fillAttrs(into: CustomerAttrs, from: CustomerAttrs): void {
  for (const name of ATTR_NAMES) {
    if (into[name] === null && from[name] !== null)
      (into as unknown as Record<string, unknown>)[name] = from[name]
  }
}

/** The outcome of resolving a file's references against the store. */
export interface Resolution {
  /** Customer id per ref number. */
  readonly refCustomer: readonly string[]
  readonly created: number
  readonly merged: number
}

interface Owner {
  customerId: string
  source: string | null
}

const keyOf = (kind: string, value: string) => `${kind}\u0001${value}`

function newCustomerId(source: string, ref: CustomerRef): string {
  if (ref.sid !== null) return `${source}:${ref.sid}`
  // Derived from a personal identifier: hashed so ids that travel (exports, logs) carry no PII.
  const value = ref.email ?? ref.phone ?? ''
  return `${source}:${ref.email !== null ? 'e' : 'p'}${createHash('sha256').update(value).digest('hex').slice(0, 16)}`
}

/**
 * Decides which customer each reference is, staging new customers, identities and merge records.
 *
 * Rules, applied to references in file order so the outcome is deterministic:
 * 1. the source's own id (kind `source_id`; for records without one, their email or phone) already known
 *    → that customer;
 * 2. else a known email, then a known phone (from any source, or from an earlier record of this file)
 *    → that customer, and the merge is recorded in `identity_merges` (which source id, matched on what);
 * 3. else a new customer `source:id`.
 * Identifiers already owned by another customer are never moved: existing customers are not fused.
 *
 * @example
 * const { refCustomer } = await resolveIdentities(conn, refs.refs, 'shopify')
 */
export async function resolveIdentities(
  conn: Connection,
  refs: readonly CustomerRef[],
  source: string,
): Promise<Resolution> {
  const owners = await knownOwners(conn, refs, source)
  const refCustomer: string[] = []
  const staged = new Map<
    string,
    { isNew: boolean; ref: CustomerRef; attrs: CustomerAttrs; email: string | null; phone: string | null }
  >()
  const identities = new StagingWriter(conn, 'stg_identities')
  const merges = new StagingWriter(conn, 'stg_merges')
  const takenIds = await existingCustomerIds(conn, refs, source)
  let created = 0
  let merged = 0

  for (const ref of refs) {
    const sourceKey = ref.sid ?? ref.email ?? ref.phone
    if (sourceKey === null) throw new Error('a customer reference without any identifier')
    const bySource = owners.get(keyOf('source_id', sourceKey))
    const byEmail = ref.email !== null ? owners.get(keyOf('email', ref.email)) : undefined
    const byPhone = ref.phone !== null ? owners.get(keyOf('phone', ref.phone)) : undefined
    let owner = bySource ?? byEmail ?? byPhone
    if (!owner) {
      let id = newCustomerId(source, ref)
      for (let n = 2; takenIds.has(id); n++) id = `${newCustomerId(source, ref)}~${n}`
      takenIds.add(id)
      owner = { customerId: id, source }
      staged.set(id, { isNew: true, ref, attrs: { ...ref.attrs }, email: ref.email, phone: ref.phone })
      created++
    } else if (!bySource && (ref.sid !== null || owner.source !== source)) {
      // A record of this source naming a customer of this same source only by email/phone (an event
      // carrying just an email) is not a merge of two identities: it is how that source refers to them.
      const [kind, value] = byEmail ? ['email', ref.email!] : ['phone', ref.phone!]
      await merges.push([sourceKey, owner.customerId, kind, value])
      merged++
    }
    const customerId = owner.customerId
    refCustomer.push(customerId)
    const entry = staged.get(customerId)
    if (entry) {
      fillAttrs(entry.attrs, ref.attrs)
      entry.email ??= ref.email
      entry.phone ??= ref.phone
    } else {
      staged.set(customerId, {
        isNew: false,
        ref,
        attrs: { ...ref.attrs },
        email: ref.email,
        phone: ref.phone,
      })
    }
    const keys: [string, string, string][] = [['source_id', source, sourceKey]]
    if (ref.email !== null) keys.push(['email', '', ref.email])
    if (ref.phone !== null) keys.push(['phone', '', ref.phone])
    for (const [kind, src, value] of keys) {
      const k = keyOf(kind, value)
      if (owners.has(k)) continue
      owners.set(k, owner)
      await identities.push([customerId, kind, src, value])
    }
  }
  await identities.flush()
  await merges.flush()

  const customers = new StagingWriter(conn, 'stg_customers')
  for (const [customerId, c] of staged) {
    const a = c.attrs
    await customers.push([
      customerId,
      c.isNew,
      c.ref.line,
      c.email,
      c.phone,
      a.name,
      a.gender,
      a.birth_date,
      a.city,
      a.region,
      a.country,
      a.signup_at,
      a.consent_marketing,
      a.attributes,
    ])
  }
  await customers.flush()
  const mapping = new StagingWriter(conn, 'stg_ref_customer')
  refCustomer.forEach((customerId, refNo) => void mapping.push([refNo, customerId]))
  await mapping.flush()
  return { refCustomer, created, merged }
}

/** Identifiers of these references that the store already knows, with their customers. */
async function knownOwners(
  conn: Connection,
  refs: readonly CustomerRef[],
  source: string,
): Promise<Map<string, Owner>> {
  const keys = new StagingWriter(conn, 'stg_keys')
  const seen = new Set<string>()
  const add = (kind: string, src: string, value: string | null) => {
    if (value === null) return
    const k = keyOf(kind, value)
    if (seen.has(k)) return
    seen.add(k)
    return keys.push([kind, src, value])
  }
  for (const ref of refs) {
    await add('source_id', source, ref.sid ?? ref.email ?? ref.phone)
    await add('email', '', ref.email)
    await add('phone', '', ref.phone)
  }
  await keys.flush()
  const rows = await conn.all<{
    kind: string
    value: string
    customer_id: string
    source: string | null
  }>(sql`
    SELECT k.kind, k.value, min(i.customer_id) AS customer_id, min(c.source) AS source
    FROM stg_keys k
    JOIN customer_identities i ON i.kind = k.kind AND i.source = k.source AND i.value = k.value
    LEFT JOIN customers c ON c.customer_id = i.customer_id
    GROUP BY k.kind, k.value`)
  return new Map(rows.map((r) => [keyOf(r.kind, r.value), { customerId: r.customer_id, source: r.source }]))
}

/** Customer ids this import might mint that already exist (so a new customer never takes an old id). */
async function existingCustomerIds(
  conn: Connection,
  refs: readonly CustomerRef[],
  source: string,
): Promise<Set<string>> {
  const ids = new StagingWriter(conn, 'stg_ids')
  for (const ref of refs) await ids.push([newCustomerId(source, ref)])
  await ids.flush()
  const rows = await conn.all<{ customer_id: string }>(
    sql`SELECT DISTINCT c.customer_id FROM customers c JOIN stg_ids s ON s.customer_id = c.customer_id`,
  )
  return new Set(rows.map((r) => r.customer_id))
}
