/**
 * SQL fragments: SQL text whose values stay separate from the text until a dialect compiles them.
 *
 * Core code never concatenates values into SQL. It writes `sql\`… ${value} …\`` and every interpolated
 * value becomes a bound parameter; identifiers go through `ident()` and are quoted by the dialect.
 *
 * @example
 * const q = sql`SELECT count(*) AS n FROM ${ident('orders')} WHERE amount > ${0}`
 * dialect.compile(q) // { sql: 'SELECT count(*) AS n FROM "orders" WHERE amount > $1', parameters: [0] }
 */
export type SqlValue = string | number | bigint | boolean | null | Date

export interface ParamPart {
  readonly kind: 'param'
  readonly value: SqlValue
}
export interface IdentPart {
  readonly kind: 'ident'
  readonly names: readonly string[]
}
export interface RawPart {
  readonly kind: 'raw'
  readonly text: string
}
export type Part = RawPart | ParamPart | IdentPart

/** A piece of SQL: text, bound values and identifiers, in order. Immutable. */
export class Fragment {
  readonly kind = 'fragment'
  constructor(readonly parts: readonly Part[]) {}

  /** True when the fragment holds no text at all. */
  get isEmpty(): boolean {
    return this.parts.every((p) => p.kind === 'raw' && p.text.trim() === '')
  }
}

type Interpolation = Fragment | IdentPart | SqlValue

function isFragment(v: unknown): v is Fragment {
  return v instanceof Fragment
}
function isIdent(v: unknown): v is IdentPart {
  return typeof v === 'object' && v !== null && (v as IdentPart).kind === 'ident'
}

/** Tagged template: interpolated fragments/identifiers are inlined, anything else becomes a parameter. */
export function sql(strings: TemplateStringsArray, ...values: Interpolation[]): Fragment {
  const parts: Part[] = []
  strings.forEach((text, i) => {
    if (text) parts.push({ kind: 'raw', text })
    if (i < values.length) {
      const v = values[i] as Interpolation
      if (isFragment(v)) parts.push(...v.parts)
      else if (isIdent(v)) parts.push(v)
      else parts.push({ kind: 'param', value: v })
    }
  })
  return new Fragment(parts)
}

/** A quoted identifier (`ident('t', 'col')` → `"t"."col"`). Names are never taken from user input unchecked. */
export function ident(...names: string[]): IdentPart {
  return { kind: 'ident', names }
}

/** Trusted SQL text written by the program itself (keywords, operators). Never pass user input here. */
export function raw(text: string): Fragment {
  return new Fragment([{ kind: 'raw', text }])
}

/** A bound value, for places where a template is not convenient. */
export function param(value: SqlValue): Fragment {
  return new Fragment([{ kind: 'param', value }])
}

/** Joins fragments with a separator (`, ` by default), skipping empty ones. */
export function join(items: readonly Fragment[], separator = ', '): Fragment {
  const parts: Part[] = []
  items
    .filter((f) => !f.isEmpty)
    .forEach((f, i) => {
      if (i > 0) parts.push({ kind: 'raw', text: separator })
      parts.push(...f.parts)
    })
  return new Fragment(parts)
}

/** The compiled form every driver executes: text with placeholders plus the values, in order. */
export interface CompiledQuery {
  readonly sql: string
  readonly parameters: readonly SqlValue[]
}
