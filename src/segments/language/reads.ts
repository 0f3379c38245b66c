import type { Operand, SegmentExpr } from './ast.js'
import { resolveOperand } from './checker.js'

/** A table whose rows a definition's answer for one customer depends on. */
export type ReadTable =
  | 'customers'
  | 'customer_scores'
  | 'orders'
  | 'order_items'
  | 'events'
  | 'customer_tags'
  | 'segment_members'

/**
 * The tables a checked definition reads. A customer's membership can only change when one of these
 * changes for them, so a live update that touched only events need not re-evaluate a definition that
 * reads no events. Category and product functions read `order_items` through `orders`: both are listed.
 */
export function readTables(ast: SegmentExpr): Set<ReadTable> {
  const out = new Set<ReadTable>()
  const visit = (o: Operand) => {
    const r = resolveOperand(o)
    if (!r) return
    if (r.kind === 'field') {
      const src = r.field.source
      // The id alone reads nothing that can change.
      if (src.table === 'customers' && 'column' in src && src.column === 'customer_id') return
      out.add(src.table)
      return
    }
    out.add(r.fn.table)
    if (r.fn.table === 'order_items') out.add('orders')
  }
  const walk = (e: SegmentExpr): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        e.items.forEach(walk)
        return
      case 'not':
        walk(e.operand)
        return
      case 'test':
        visit(e.operand)
        return
      default:
        visit(e.left)
    }
  }
  walk(ast)
  return out
}
