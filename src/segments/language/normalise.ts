import type { Operand, SegmentExpr } from './ast.js'
import { findField } from './fields.js'
import { findFunction } from './functions.js'

/**
 * A checked tree with names in the catalog's spelling (`ORDERS_COUNT(WITHIN: 90d)` →
 * `orders_count(within: 90d)`), so two spellings of one definition print the same canonical text.
 * Chinese aliases stay as written: they are the author's choice of language, not a misspelling.
 */
export function normalise(e: SegmentExpr): SegmentExpr {
  switch (e.kind) {
    case 'and':
    case 'or':
      return { ...e, items: e.items.map(normalise) }
    case 'not':
      return { ...e, operand: normalise(e.operand) }
    case 'test':
      return { ...e, operand: operand(e.operand) }
    default:
      return { ...e, left: operand(e.left) }
  }
}

function operand(o: Operand): Operand {
  if (o.kind === 'field') {
    const known = findField(o.name) ?? findFunction(o.name)
    return known && known.name === o.name.toLowerCase() ? { ...o, name: known.name } : o
  }
  const fn = findFunction(o.name)
  const name = fn && fn.name === o.name.toLowerCase() ? fn.name : o.name
  return { ...o, name, named: o.named.map((n) => ({ ...n, name: n.name.toLowerCase() })) }
}
