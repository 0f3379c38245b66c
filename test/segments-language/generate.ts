import type { Literal, Operand, SegmentExpr } from '../../src/segments/language/index.js'
import { segmentFields, segmentFunctions } from '../../src/segments/language/index.js'

/** Seeded PRNG (mulberry32): the same seed gives the same cases on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Strings an attacker or a careless paste might put anywhere. */
export const PAYLOADS = [
  "'; DROP TABLE customers; --",
  '" OR 1=1 --',
  "' OR '1'='1",
  '\\',
  "\\'",
  '\\\\"',
  "'); DELETE FROM orders; SELECT ('",
  '$1',
  '?',
  '%_%',
  '*/ SELECT 1 /*',
  '\u0000',
  '客户\n换行\t制表',
  '😀🚀',
  'ＳＥＬＥＣＴ',
  'a"b\'c`d',
  '$' + '{1}',
]

const span = { start: 0, end: 0 }
/** A marker no SQL the program writes contains; every generated user string carries one. */
export const MARK = '⟦'

/** Values that occur in store-fixture.ts, so realistic trees select someone. */
const FIXTURE_STRINGS = [
  '上海',
  '北京',
  'F',
  'M',
  'vip',
  '母婴',
  'toys',
  'lego',
  '贝亲',
  'SKU-1',
  'SKU-2',
  'search',
  'view',
  'app',
  'community_group_buy',
  'g1',
  'g2',
  'st1',
  'VIP',
  'seg-2',
  '高价值',
  'price-hunter',
  'a1',
  's9',
  'CN',
]
const FIXTURE_NUMBERS = [0, 1, 2, 3, 6, 16, 24, 33, 40, 50, 60, 150, 220, 0.2, 0.5]

export class Generator {
  private counter = 0
  /** `realistic`: values from the fixture instead of marked payloads (for result comparisons). */
  constructor(
    private readonly rnd: () => number,
    private readonly realistic = false,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)]!
  }
  int(max: number): number {
    return Math.floor(this.rnd() * max)
  }

  /** A user string: a payload or Chinese text, tagged with a unique marker. */
  userString(): string {
    if (this.realistic) return this.pick(FIXTURE_STRINGS)
    const base = this.rnd() < 0.5 ? this.pick(PAYLOADS) : this.pick(['母婴', '上海', 'vip', 'app', 'SKU-1'])
    return `${base}${MARK}${this.counter++}`
  }
  /** A distinctive number (digits the program never writes itself). */
  userNumber(): number {
    if (this.realistic) return this.pick(FIXTURE_NUMBERS)
    return this.pick([987_654.321, 7_777_777, 0.000123457, 424_242.5, 31_337])
  }

  literal(type: string, values?: readonly string[]): Literal {
    switch (type) {
      case 'number':
        return {
          kind: 'number',
          value: this.userNumber() * (!this.realistic && this.rnd() < 0.3 ? -1 : 1),
          span,
        }
      case 'boolean':
        return { kind: 'boolean', value: this.rnd() < 0.5, span }
      case 'date':
      case 'timestamp': {
        const r = this.int(4)
        if (r === 0) return { kind: 'today', span }
        if (r === 1)
          return { kind: 'date', value: `20${10 + this.int(15)}-0${1 + this.int(9)}-1${this.int(9)}`, span }
        return {
          kind: 'relative',
          // up to 100 units each way (the language's range); a negative amount is `+Nd`, after asOf
          amount: (1 + this.int(100)) * (this.rnd() < 0.2 ? -1 : 1),
          unit: this.pick(['d', 'w', 'm', 'y'] as const),
          span,
        }
      }
      default:
        return { kind: 'string', value: values ? this.pick(values) : this.userString(), span }
    }
  }

  operand(): { operand: Operand; type: string; values?: readonly string[] } {
    if (this.rnd() < 0.5) {
      const f = this.pick(segmentFields())
      const name = this.rnd() < 0.2 && f.aliases.length ? this.pick(f.aliases) : f.name
      return {
        operand: { kind: 'field', name, span },
        type: f.type,
        ...(f.values ? { values: f.values } : {}),
      }
    }
    const fn = this.pick(segmentFunctions())
    const args: Literal[] = []
    if (fn.positional && (fn.positional.required || this.rnd() < 0.5))
      args.push({ kind: 'string', value: this.userString(), span })
    const named = fn.named
      .filter(() => this.rnd() < 0.5)
      .map((a) => ({
        name: a.name,
        span,
        value:
          a.type === 'duration'
            ? ({
                kind: 'duration',
                amount: 1 + this.int(100),
                unit: this.pick(['d', 'w', 'm', 'y'] as const),
                span,
              } as const)
            : a.type === 'count'
              ? ({ kind: 'number', value: 1 + this.int(99_999), span } as const)
              : ({ kind: 'string', value: this.userString(), span } as const),
      }))
    const bare = args.length === 0 && named.length === 0 && this.rnd() < 0.5
    return {
      operand: bare
        ? { kind: 'field', name: fn.name, span }
        : { kind: 'call', name: fn.name, args, named, span },
      type: fn.returns,
    }
  }

  /** A well-typed random tree. */
  expr(depth = 0): SegmentExpr {
    const r = this.rnd()
    if (depth < 4 && r < 0.25) {
      const items = Array.from({ length: 2 + this.int(3) }, () => this.expr(depth + 1))
      return { kind: this.rnd() < 0.5 ? 'and' : 'or', items, span }
    }
    if (depth < 4 && r < 0.35) return { kind: 'not', operand: this.expr(depth + 1), span }
    return this.leaf()
  }

  leaf(): SegmentExpr {
    const { operand, type, values } = this.operand()
    const isFunction = operand.kind === 'call' || segmentFunctions().some((f) => f.name === operand.name)
    if (type === 'boolean') {
      return this.rnd() < 0.7
        ? { kind: 'test', operand, span }
        : {
            kind: 'compare',
            left: operand,
            op: this.pick(['=', '!='] as const),
            right: this.literal('boolean'),
            span,
          }
    }
    const ordered = type === 'number' || type === 'date' || type === 'timestamp'
    const choices = [
      'compare',
      'in',
      ...(ordered ? ['between'] : []),
      ...(type === 'text' ? ['contains'] : []),
      ...(isFunction ? [] : ['isNull']),
    ]
    switch (this.pick(choices)) {
      case 'compare': {
        const op = ordered
          ? this.pick(['=', '!=', '<', '<=', '>', '>='] as const)
          : this.pick(['=', '!='] as const)
        return { kind: 'compare', left: operand, op, right: this.literal(type, values), span }
      }
      case 'in':
        return {
          kind: 'in',
          left: operand,
          values: Array.from({ length: 1 + this.int(3) }, () => this.literal(type, values)),
          negated: this.rnd() < 0.5,
          span,
        }
      case 'between':
        return { kind: 'between', left: operand, low: this.literal(type), high: this.literal(type), span }
      case 'contains':
        return {
          kind: 'contains',
          left: operand,
          value: { kind: 'string', value: this.userString(), span },
          span,
        }
      default:
        return { kind: 'isNull', left: operand, negated: this.rnd() < 0.5, span }
    }
  }
}
