import '../../i18n/messages/segments-language.js'
import { CUSTOMER_SCORES } from '../../analytics/snapshot-tables.js'
import { LANGS, type Lang } from '../../i18n/locale.js'
import { t } from '../../i18n/translate.js'
import type { ColumnType } from '../../sql/dialect.js'
import { FIELD_ALIASES } from './aliases.js'
import { enumValues } from './enums.js'

/** The value types of the language. `timestamp` fields compare by calendar date. */
export type ValueType = 'number' | 'text' | 'boolean' | 'date' | 'timestamp'

/** Where a field's value comes from. */
export type FieldSource =
  | { readonly table: 'customers'; readonly column: string }
  /** Derived from the customer row at the as-of date. */
  | { readonly table: 'customers'; readonly derived: 'age' | 'birth_month' }
  /** A column of `customer_scores` in the context's snapshot. */
  | { readonly table: 'customer_scores'; readonly column: string }
  /** The customer's current tags (`customer_tags`): a set of texts. */
  | { readonly table: 'customer_tags' }

export interface FieldInfo {
  readonly name: string
  readonly type: ValueType
  /** attribute: the customer record; score: a snapshot column; tag: the customer's tags. */
  readonly kind: 'attribute' | 'score' | 'tag'
  /** Stored values of an enum field (display names in any language are accepted too). */
  readonly values?: readonly string[]
  /** Other accepted spellings (Chinese names). */
  readonly aliases: readonly string[]
  readonly description: Readonly<Record<Lang, string>>
  readonly source: FieldSource
}

// Contact details and names are deliberately not fields: segments select by behaviour and profile, and
// a definition must never become a way to look a person up.
const CUSTOMER_FIELDS: readonly [string, ValueType][] = [
  ['customer_id', 'text'],
  ['gender', 'text'],
  ['city', 'text'],
  ['region', 'text'],
  ['country', 'text'],
  ['source', 'text'],
  ['signup_at', 'timestamp'],
  ['consent_marketing', 'boolean'],
]
const NOT_SCORE_FIELDS = new Set(['snapshot_id', 'customer_id'])

function typeOf(c: ColumnType): ValueType | undefined {
  switch (c) {
    case 'integer':
    case 'bigint':
    case 'double':
    case 'money':
    case 'quantity':
      return 'number'
    case 'text':
      return 'text'
    case 'boolean':
      return 'boolean'
    case 'date':
      return 'date'
    case 'timestamp':
      return 'timestamp'
    case 'json':
      return undefined
  }
}

function describe(name: string): Record<Lang, string> {
  const key = `segment.field.${name}`
  return Object.fromEntries(
    LANGS.map((lang) => {
      const text = t(lang, key)
      return [lang, text === key ? t(lang, 'segment.field.generic', { name }) : text]
    }),
  ) as Record<Lang, string>
}

function build(): FieldInfo[] {
  const fields: FieldInfo[] = []
  const field = (name: string, type: ValueType, kind: FieldInfo['kind'], source: FieldSource) => {
    const values = enumValues(name)
    const aliases = FIELD_ALIASES[name] ?? []
    fields.push({
      name,
      type,
      kind,
      source,
      aliases,
      description: describe(name),
      ...(values ? { values } : {}),
    })
  }
  for (const [name, type] of CUSTOMER_FIELDS)
    field(name, type, 'attribute', { table: 'customers', column: name })
  field('age', 'number', 'attribute', { table: 'customers', derived: 'age' })
  field('birth_month', 'number', 'attribute', { table: 'customers', derived: 'birth_month' })
  field('tag', 'text', 'tag', { table: 'customer_tags' })
  const taken = new Set(fields.map((f) => f.name))
  // Every snapshot column is a field, so a column the analytics add later is usable without a change here;
  // the customer record wins where both hold the same fact (age, city…), being the source of truth.
  for (const c of CUSTOMER_SCORES.columns) {
    const type = typeOf(c.type)
    if (!type || NOT_SCORE_FIELDS.has(c.name) || taken.has(c.name)) continue
    field(c.name, type, 'score', { table: 'customer_scores', column: c.name })
  }
  return fields
}

let cache: FieldInfo[] | undefined
const byName = new Map<string, FieldInfo>()

/** Every field of the language, customer attributes first, then the tag set, then snapshot columns. */
export function allFields(): readonly FieldInfo[] {
  if (!cache) {
    cache = build()
    for (const f of cache) for (const n of [f.name, ...f.aliases]) byName.set(n.toLowerCase(), f)
  }
  return cache
}

/** A field by name or alias (case-insensitive). */
export function findField(name: string): FieldInfo | undefined {
  allFields()
  return byName.get(name.toLowerCase())
}
