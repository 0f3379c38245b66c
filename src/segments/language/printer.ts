import type { Literal, Operand, SegmentExpr } from './ast.js'

/**
 * Canonical text of a tree: keywords upper-case, single-quoted strings, one space around operators,
 * parentheses exactly where the tree nests a group that precedence would otherwise flatten. Parsing the
 * result gives back the same tree (spans aside), so the web builder and the text stay in sync.
 *
 * @example
 * printSegment(parseSegment("city='上海' and (orders_count(within:90d)>=3 or has_tag(\"vip\"))").ast!)
 * // "city = '上海' AND (orders_count(within: 90d) >= 3 OR has_tag('vip'))"
 */
export function printExpr(e: SegmentExpr): string {
  switch (e.kind) {
    case 'and':
      return e.items
        .map((i) => (i.kind === 'and' || i.kind === 'or' ? `(${printExpr(i)})` : printExpr(i)))
        .join(' AND ')
    case 'or':
      return e.items.map((i) => (i.kind === 'or' ? `(${printExpr(i)})` : printExpr(i))).join(' OR ')
    case 'not':
      return e.operand.kind === 'and' || e.operand.kind === 'or'
        ? `NOT (${printExpr(e.operand)})`
        : `NOT ${printExpr(e.operand)}`
    case 'compare':
      return `${printOperand(e.left)} ${e.op} ${printLiteral(e.right)}`
    case 'between':
      return `${printOperand(e.left)} BETWEEN ${printLiteral(e.low)} AND ${printLiteral(e.high)}`
    case 'in':
      return `${printOperand(e.left)} ${e.negated ? 'NOT IN' : 'IN'} (${e.values.map(printLiteral).join(', ')})`
    case 'contains':
      return `${printOperand(e.left)} CONTAINS ${printLiteral(e.value)}`
    case 'isNull':
      return `${printOperand(e.left)} IS ${e.negated ? 'NOT NULL' : 'NULL'}`
    case 'test':
      return printOperand(e.operand)
  }
}

export function printOperand(o: Operand): string {
  if (o.kind === 'field') return o.name
  const args = [...o.args.map(printLiteral), ...o.named.map((n) => `${n.name}: ${printLiteral(n.value)}`)]
  return `${o.name}(${args.join(', ')})`
}

export function printLiteral(l: Literal): string {
  switch (l.kind) {
    case 'string':
      return `'${l.value.replace(/[\\'\n\r\t]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)}'`
    case 'number':
      return formatNumber(l.value)
    case 'boolean':
      return l.value ? 'true' : 'false'
    case 'date':
      return l.value
    case 'relative':
      return l.amount < 0 ? `+${-l.amount}${l.unit}` : `-${l.amount}${l.unit}`
    case 'duration':
      return `${l.amount}${l.unit}`
    case 'today':
      return 'today'
    case 'word':
      return l.value
  }
}

/** Plain decimal notation (the lexer reads no exponents); the shortest digits that read back exactly. */
export function formatNumber(n: number): string {
  const s = String(n)
  if (!s.includes('e')) return s
  const fixed = Math.abs(n) < 1 ? n.toFixed(20) : BigInt(Math.round(n)).toString()
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed
}
