import type { Diagnostic } from '../../core/diagnostics.js'
import type { Call, Literal, Operand, SegmentExpr, Span } from './ast.js'
import { enumLabel, enumLabels, enumSpellings, resolveEnum } from './enums.js'
import { allFields, type FieldInfo, findField, type ValueType } from './fields.js'
import { type ArgInfo, allFunctions, type FunctionInfo, findFunction } from './functions.js'
import { normaliseDate } from './lexer.js'
import { printLiteral } from './printer.js'
import { diagnosticAt } from './report.js'
import { suggest } from './suggest.js'

/** What an operand stands for once resolved against the catalogs. */
export type Resolved =
  | { readonly kind: 'field'; readonly field: FieldInfo }
  | { readonly kind: 'function'; readonly fn: FunctionInfo; readonly call: Call }

/** The type of a literal as a person would name it (message parameter, translated by the catalog). */
export type LiteralType = ValueType | 'duration' | 'word'

export function literalType(l: Literal): LiteralType {
  switch (l.kind) {
    case 'string':
      return 'text'
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'date':
    case 'relative':
    case 'today':
      return 'date'
    case 'duration':
      return 'duration'
    case 'word':
      return 'word'
  }
}

/** Resolves a bare name or a call; undefined when it names nothing (the checker reports why). */
export function resolveOperand(o: Operand): Resolved | undefined {
  if (o.kind === 'field') {
    const field = findField(o.name)
    if (field) return { kind: 'field', field }
    const fn = findFunction(o.name)
    if (fn)
      return { kind: 'function', fn, call: { kind: 'call', name: o.name, args: [], named: [], span: o.span } }
    return undefined
  }
  const fn = findFunction(o.name)
  return fn ? { kind: 'function', fn, call: o } : undefined
}

/** The named and positional arguments of a checked call, by argument name. */
export function callArgs(fn: FunctionInfo, call: Call): Map<string, Literal> {
  const out = new Map<string, Literal>()
  if (fn.positional && call.args[0]) out.set(fn.positional.name, call.args[0])
  for (const n of call.named) out.set(n.name.toLowerCase(), n.value)
  return out
}

// Suggestions include the Chinese aliases, so a near-miss of `城市` is suggested too.
const FIELD_NAMES = () => allFields().flatMap((f) => [f.name, ...f.aliases])
const FUNCTION_NAMES = () => allFunctions().flatMap((f) => [f.name, ...f.aliases])

/** At most this many diagnostics per definition. */
export const MAX_DIAGNOSTICS = 50

/**
 * Type-checks a parsed definition against the field and function catalogs. Reports every problem it
 * finds (not just the first), each at its span, so a marketer can fix them in one pass.
 */
export function check(text: string, ast: SegmentExpr): Diagnostic[] {
  const out: Diagnostic[] = []
  const report = (code: string, span: Span, params: Record<string, unknown> = {}) =>
    out.push(diagnosticAt(text, code, span, params))
  const source = (s: Span) => text.slice(s.start, s.end)

  function operand(o: Operand): { type: ValueType; resolved: Resolved } | undefined {
    const r = resolveOperand(o)
    if (!r) {
      const field = findField(o.name)
      if (o.kind === 'call' && field) report('segment.field_called', o.span, { name: field.name })
      else if (o.kind === 'call')
        report('segment.unknown_function', o.span, {
          name: o.name,
          suggestion: suggest(o.name, FUNCTION_NAMES()),
        })
      else
        report('segment.unknown_field', o.span, {
          name: o.name,
          suggestion: suggest(o.name, FIELD_NAMES()) ?? suggest(o.name, FUNCTION_NAMES()),
        })
      return undefined
    }
    if (r.kind === 'field') {
      if (o.kind === 'call') {
        report('segment.field_called', o.span, { name: r.field.name })
        return undefined
      }
      return { type: r.field.type, resolved: r }
    }
    if (!args(r.fn, r.call)) return undefined
    return { type: r.fn.returns, resolved: r }
  }

  function args(fn: FunctionInfo, call: Call): boolean {
    let good = true
    if (call.args.length > (fn.positional ? 1 : 0)) {
      const extra = call.args[fn.positional ? 1 : 0]!
      report('segment.too_many_args', extra.span, { fn: fn.name, max: fn.positional ? 1 : 0 })
      good = false
    }
    if (fn.positional?.required && call.args.length === 0) {
      report('segment.missing_arg', call.span, { fn: fn.name, arg: fn.positional.name })
      good = false
    }
    if (fn.positional && call.args[0]) good = argValue(fn, fn.positional, call.args[0]) && good
    const seen = new Set<string>()
    for (const n of call.named) {
      const info = fn.named.find((a) => a.name === n.name.toLowerCase())
      if (!info) {
        report('segment.unknown_arg', n.span, {
          fn: fn.name,
          arg: n.name,
          suggestion: suggest(
            n.name,
            fn.named.map((a) => a.name),
          ),
          allowed: fn.named.map((a) => a.name).join(', ') || '—',
        })
        good = false
        continue
      }
      if (seen.has(info.name)) {
        report('segment.duplicate_arg', n.span, { fn: fn.name, arg: info.name })
        good = false
      }
      seen.add(info.name)
      good = argValue(fn, info, n.value) && good
    }
    return good
  }

  function argValue(fn: FunctionInfo, arg: ArgInfo, value: Literal): boolean {
    const ok =
      arg.type === 'text'
        ? value.kind === 'string' && value.value.trim() !== ''
        : arg.type === 'duration'
          ? value.kind === 'duration' && value.amount > 0
          : value.kind === 'number' && Number.isInteger(value.value) && value.value >= 1
    if (!ok) {
      if (value.kind === 'word') report('segment.bare_word', value.span, { word: value.value })
      else
        report('segment.bad_arg', value.span, {
          fn: fn.name,
          arg: arg.name,
          expected: arg.type,
          value: source(value.span),
        })
    }
    return ok
  }

  /** Checks a literal against an operand's type; `name` is what the message calls the operand. */
  function value(name: string, type: ValueType, resolved: Resolved, l: Literal): void {
    if (l.kind === 'word') {
      report('segment.bare_word', l.span, { word: l.value })
      return
    }
    const given = literalType(l)
    const dateLike = type === 'date' || type === 'timestamp'
    if (dateLike && l.kind === 'duration') {
      report('segment.duration_not_date', l.span, { value: source(l.span), fixed: `-${l.amount}${l.unit}` })
      return
    }
    if (dateLike && l.kind === 'string') {
      if (!normaliseDate(l.value)) report('segment.bad_date', l.span, { value: l.value, field: name })
      return
    }
    if (dateLike ? given !== 'date' : given !== type) {
      report('segment.type_mismatch', l.span, {
        field: name,
        fieldType: type,
        value: printLiteral(l),
        valueType: given,
      })
      return
    }
    if (
      resolved.kind === 'field' &&
      resolved.field.values &&
      l.kind === 'string' &&
      !resolveEnum(resolved.field.name, l.value)
    ) {
      const field = resolved.field.name
      const suggestion = suggest(l.value, enumSpellings(field))
      // The suggestion in each message language too: '冠军' → `冠军客户` / `冠軍客戶` / `Champions`.
      const meant = suggestion === undefined ? undefined : resolveEnum(field, suggestion)
      const inLang = (lang: 'en' | 'zh-CN' | 'zh-TW') =>
        meant === undefined ? suggestion : enumLabel(field, meant, lang)
      report('segment.unknown_value', l.span, {
        field,
        value: l.value,
        suggestion: inLang('en'),
        suggestionZhCN: inLang('zh-CN'),
        suggestionZhTW: inLang('zh-TW'),
        // The valid values in each language the message is rendered in (the checker accepts all of them).
        allowed: resolved.field.values.join(', '),
        allowedZhCN: enumLabels(resolved.field.name, 'zh-CN').join('、'),
        allowedZhTW: enumLabels(resolved.field.name, 'zh-TW').join('、'),
      })
    }
  }

  function walk(e: SegmentExpr): void {
    // Past a screenful of problems more would not help anyone; stop (and bound the work on hostile input).
    if (out.length >= MAX_DIAGNOSTICS) return
    switch (e.kind) {
      case 'and':
      case 'or':
        for (const i of e.items) walk(i)
        return
      case 'not':
        walk(e.operand)
        return
      case 'test': {
        const o = operand(e.operand)
        if (o && o.type !== 'boolean')
          report('segment.not_boolean', e.span, { name: e.operand.name, type: o.type })
        return
      }
      case 'isNull': {
        const o = operand(e.left)
        if (o && o.resolved.kind === 'function')
          report('segment.null_on_function', e.span, { name: e.left.name })
        return
      }
      case 'compare': {
        const o = operand(e.left)
        if (!o) return
        const ordered = e.op !== '=' && e.op !== '!='
        if (ordered && (o.type === 'text' || o.type === 'boolean')) {
          report('segment.op_not_allowed', e.span, { op: e.op, name: e.left.name, type: o.type })
          return
        }
        value(e.left.name, o.type, o.resolved, e.right)
        return
      }
      case 'between': {
        const o = operand(e.left)
        if (!o) return
        if (o.type === 'text' || o.type === 'boolean') {
          report('segment.op_not_allowed', e.span, { op: 'BETWEEN', name: e.left.name, type: o.type })
          return
        }
        value(e.left.name, o.type, o.resolved, e.low)
        value(e.left.name, o.type, o.resolved, e.high)
        return
      }
      case 'in': {
        const o = operand(e.left)
        if (!o) return
        if (o.type === 'boolean') {
          report('segment.op_not_allowed', e.span, {
            op: e.negated ? 'NOT IN' : 'IN',
            name: e.left.name,
            type: o.type,
          })
          return
        }
        for (const v of e.values) value(e.left.name, o.type, o.resolved, v)
        return
      }
      case 'contains': {
        const o = operand(e.left)
        if (!o) return
        if (o.type !== 'text') {
          report('segment.op_not_allowed', e.span, { op: 'CONTAINS', name: e.left.name, type: o.type })
          return
        }
        if (e.value.kind !== 'string') {
          if (e.value.kind === 'word') report('segment.bare_word', e.value.span, { word: e.value.value })
          else
            report('segment.type_mismatch', e.value.span, {
              field: e.left.name,
              fieldType: 'text',
              value: printLiteral(e.value),
              valueType: literalType(e.value),
            })
        }
        return
      }
    }
  }
  walk(ast)
  return out
}
