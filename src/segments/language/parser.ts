import type { Diagnostic } from '../../core/diagnostics.js'
import type { Call, CompareOp, Literal, NamedArg, Operand, SegmentExpr, Span } from './ast.js'
import { MAX_LENGTH, type Token, tokenize } from './lexer.js'
import { diagnosticAt } from './report.js'

/** Deeper nesting than this is refused rather than risking the stack on hostile input. */
export const MAX_DEPTH = 64

const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'between',
  'contains',
  'is',
  'null',
  'true',
  'false',
  'today',
])

/** What the parser wanted where it stopped; the message catalog words each one in three languages. */
export type Expected =
  | 'condition'
  | 'operator'
  | 'value'
  | 'close_paren'
  | 'open_paren'
  | 'and'
  | 'null'
  | 'end'
  | 'arg'

class Stop extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.code)
  }
}

/**
 * Recursive descent over the grammar in CONTEXT.md. Stops at the first syntax error (later ones are
 * usually consequences of it) and reports what was expected there.
 */
export function parse(text: string): { ast: SegmentExpr | null; diagnostics: Diagnostic[] } {
  if (text.length > MAX_LENGTH)
    return {
      ast: null,
      diagnostics: [
        diagnosticAt(
          text,
          'segment.syntax.too_long',
          { start: MAX_LENGTH, end: text.length },
          { max: MAX_LENGTH },
        ),
      ],
    }
  const lexed = tokenize(text)
  if (lexed.diagnostics.length) return { ast: null, diagnostics: lexed.diagnostics }
  const p = new Parser(text, lexed.tokens)
  try {
    if (p.peek().kind === 'eof') throw p.stop('segment.syntax.empty', p.peek().span)
    const ast = p.expression(0)
    if (p.peek().kind !== 'eof') throw p.expected('end')
    return { ast, diagnostics: [] }
  } catch (e) {
    if (e instanceof Stop) return { ast: null, diagnostics: [e.diagnostic] }
    throw e
  }
}

class Parser {
  private pos = 0
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!
  }
  private next(): Token {
    const t = this.peek()
    if (t.kind !== 'eof') this.pos++
    return t
  }
  private isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset)
    return t.kind === 'ident' && t.text.toLowerCase() === word
  }
  private eat(kind: Token['kind']): Token | null {
    return this.peek().kind === kind ? this.next() : null
  }
  private eatKeyword(word: string): Token | null {
    return this.isKeyword(word) ? this.next() : null
  }

  stop(code: string, span: Span, params: Record<string, unknown> = {}): Stop {
    return new Stop(diagnosticAt(this.text, code, span, params))
  }
  expected(what: Expected): Stop {
    const t = this.peek()
    return this.stop('segment.syntax.expected', t.span, {
      expected: what,
      found: t.kind === 'eof' ? '' : this.text.slice(t.span.start, t.span.end),
    })
  }

  expression(depth: number): SegmentExpr {
    if (depth > MAX_DEPTH) throw this.stop('segment.syntax.too_deep', this.peek().span, { max: MAX_DEPTH })
    return this.or(depth)
  }

  private or(depth: number): SegmentExpr {
    const items = [this.and(depth)]
    while (this.eatKeyword('or')) items.push(this.and(depth))
    return items.length === 1 ? items[0]! : { kind: 'or', items, span: cover(items) }
  }

  private and(depth: number): SegmentExpr {
    const items = [this.unary(depth)]
    while (this.eatKeyword('and')) items.push(this.unary(depth))
    return items.length === 1 ? items[0]! : { kind: 'and', items, span: cover(items) }
  }

  private unary(depth: number): SegmentExpr {
    if (depth > MAX_DEPTH) throw this.stop('segment.syntax.too_deep', this.peek().span, { max: MAX_DEPTH })
    const not = this.eatKeyword('not')
    if (not) {
      const operand = this.unary(depth + 1)
      return { kind: 'not', operand, span: { start: not.span.start, end: operand.span.end } }
    }
    if (this.eat('(')) {
      const inner = this.expression(depth + 1)
      if (!this.eat(')')) throw this.expected('close_paren')
      return inner
    }
    return this.predicate()
  }

  private predicate(): SegmentExpr {
    const left = this.operand()
    const start = left.span.start
    const t = this.peek()
    if (t.kind === 'op') {
      this.next()
      const right = this.literal()
      return { kind: 'compare', left, op: t.op as CompareOp, right, span: { start, end: right.span.end } }
    }
    if (this.isKeyword('in') || (this.isKeyword('not') && this.isKeyword('in', 1))) {
      const negated = !!this.eatKeyword('not')
      this.next()
      if (!this.eat('(')) throw this.expected('open_paren')
      const values = [this.literal()]
      while (this.eat(',')) values.push(this.literal())
      const close = this.eat(')')
      if (!close) throw this.expected('close_paren')
      return { kind: 'in', left, values, negated, span: { start, end: close.span.end } }
    }
    // `x NOT BETWEEN …` and `x NOT CONTAINS …` are NOT around the predicate (the printer writes that form).
    if (this.isKeyword('not') && (this.isKeyword('between', 1) || this.isKeyword('contains', 1))) {
      this.next()
      const inner = this.predicateAfter(left)
      return { kind: 'not', operand: inner, span: { start, end: inner.span.end } }
    }
    return this.predicateAfter(left)
  }

  private predicateAfter(left: Operand): SegmentExpr {
    const start = left.span.start
    const t = this.peek()
    if (this.eatKeyword('between')) {
      const low = this.literal()
      if (!this.eatKeyword('and')) throw this.expected('and')
      const high = this.literal()
      return { kind: 'between', left, low, high, span: { start, end: high.span.end } }
    }
    if (this.eatKeyword('contains')) {
      const value = this.literal()
      return { kind: 'contains', left, value, span: { start, end: value.span.end } }
    }
    if (this.eatKeyword('is')) {
      const negated = !!this.eatKeyword('not')
      const nul = this.eatKeyword('null')
      if (!nul) throw this.expected('null')
      return { kind: 'isNull', left, negated, span: { start, end: nul.span.end } }
    }
    // A bare operand is a test (boolean field or function); anything else that follows is reported by
    // the caller as "expected AND / OR / end", which names the real problem better than "expected operator".
    if (t.kind === 'eof' || t.kind === ')' || this.isKeyword('and') || this.isKeyword('or'))
      return { kind: 'test', operand: left, span: left.span }
    throw this.expected('operator')
  }

  private operand(): Operand {
    const t = this.peek()
    if (t.kind !== 'ident' || KEYWORDS.has(t.text.toLowerCase())) throw this.expected('condition')
    this.next()
    if (!this.eat('(')) return { kind: 'field', name: t.text, span: t.span }
    const args: Literal[] = []
    const named: NamedArg[] = []
    if (!this.eat(')')) {
      do {
        const a = this.peek()
        if (a.kind === 'ident' && this.peek(1).kind === ':') {
          this.next()
          this.next()
          const value = this.literal()
          named.push({ name: a.text, value, span: { start: a.span.start, end: value.span.end } })
        } else {
          if (named.length) throw this.stop('segment.syntax.positional_after_named', a.span)
          args.push(this.literal())
        }
      } while (this.eat(','))
      if (!this.eat(')')) throw this.expected('close_paren')
    }
    const end = this.tokens[this.pos - 1]!.span.end
    const call: Call = { kind: 'call', name: t.text, args, named, span: { start: t.span.start, end } }
    return call
  }

  private literal(): Literal {
    const t = this.peek()
    switch (t.kind) {
      case 'string':
        this.next()
        return { kind: 'string', value: t.value, span: t.span }
      case 'number':
        this.next()
        return { kind: 'number', value: t.value, span: t.span }
      case 'date':
        this.next()
        return { kind: 'date', value: t.value, span: t.span }
      case 'duration':
        this.next()
        return { kind: 'duration', amount: t.amount, unit: t.unit, span: t.span }
      case 'relative':
        this.next()
        return { kind: 'relative', amount: t.amount, unit: t.unit, span: t.span }
      case 'ident': {
        const word = t.text.toLowerCase()
        if (word === 'true' || word === 'false') {
          this.next()
          return { kind: 'boolean', value: word === 'true', span: t.span }
        }
        if (word === 'today') {
          this.next()
          return { kind: 'today', span: t.span }
        }
        if (word === 'null') throw this.stop('segment.syntax.null_value', t.span)
        if (KEYWORDS.has(word)) throw this.expected('value')
        this.next()
        return { kind: 'word', value: t.text, span: t.span }
      }
      default:
        throw this.expected('value')
    }
  }
}

function cover(items: readonly { span: Span }[]): Span {
  return { start: items[0]!.span.start, end: items[items.length - 1]!.span.end }
}
