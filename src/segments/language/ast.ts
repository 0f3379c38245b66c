/**
 * The segment language's syntax tree. Every node carries its source span (0-based character offsets,
 * end exclusive) so diagnostics can point at it; spans are not part of a node's meaning (the printer
 * ignores them and the round-trip property compares trees without them).
 */
export interface Span {
  readonly start: number
  readonly end: number
}

/** A time unit of a duration or relative date: days, weeks, calendar months, calendar years. */
export type TimeUnit = 'd' | 'w' | 'm' | 'y'

export type Literal =
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly span: Span }
  /** An absolute calendar date, stored as `YYYY-MM-DD`. */
  | { readonly kind: 'date'; readonly value: string; readonly span: Span }
  /** `-30d`: that long before the as-of date (`amount` > 0 counts back); `+7d` after it (`amount` -7). */
  | { readonly kind: 'relative'; readonly amount: number; readonly unit: TimeUnit; readonly span: Span }
  /** `today`: the as-of date. */
  | { readonly kind: 'today'; readonly span: Span }
  /** `90d`: a length of time (function windows). */
  | { readonly kind: 'duration'; readonly amount: number; readonly unit: TimeUnit; readonly span: Span }
  /** A bare word where a value was expected: never valid, kept so the checker can say "quote it". */
  | { readonly kind: 'word'; readonly value: string; readonly span: Span }

/** A bare name: a field, or a function called without parentheses (its arguments take their defaults). */
export interface FieldRef {
  readonly kind: 'field'
  readonly name: string
  readonly span: Span
}

export interface NamedArg {
  readonly name: string
  readonly value: Literal
  readonly span: Span
}

/** `name(positional…, name: value…)`. */
export interface Call {
  readonly kind: 'call'
  readonly name: string
  readonly args: readonly Literal[]
  readonly named: readonly NamedArg[]
  readonly span: Span
}

export type Operand = FieldRef | Call

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>='

export type SegmentExpr =
  /** n-ary; the parser nests only where the text had parentheses, so printing restores the same tree. */
  | { readonly kind: 'and'; readonly items: readonly SegmentExpr[]; readonly span: Span }
  | { readonly kind: 'or'; readonly items: readonly SegmentExpr[]; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: SegmentExpr; readonly span: Span }
  | {
      readonly kind: 'compare'
      readonly left: Operand
      readonly op: CompareOp
      readonly right: Literal
      readonly span: Span
    }
  | {
      readonly kind: 'between'
      readonly left: Operand
      readonly low: Literal
      readonly high: Literal
      readonly span: Span
    }
  | {
      readonly kind: 'in'
      readonly left: Operand
      readonly values: readonly Literal[]
      readonly negated: boolean
      readonly span: Span
    }
  | { readonly kind: 'contains'; readonly left: Operand; readonly value: Literal; readonly span: Span }
  | { readonly kind: 'isNull'; readonly left: Operand; readonly negated: boolean; readonly span: Span }
  /** A boolean field or function standing alone: `has_tag('vip')`, `consent_marketing`. */
  | { readonly kind: 'test'; readonly operand: Operand; readonly span: Span }
