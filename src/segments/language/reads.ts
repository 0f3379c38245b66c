import type { Operand, SegmentExpr } from './ast.js'
import { resolveOperand } from './checker.js'
import { forEachOperand } from './references.js'

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
  return reads(ast).tables
}

/**
 * The columns of `customers` and of `customer_scores` a checked definition reads (besides the keys), so a
 * caller can hand the compiler narrow copies of just the rows and columns it needs (`Population`).
 */
export function readColumns(ast: SegmentExpr): {
  customers: Set<string>
  customer_scores: Set<string>
} {
  const { columns } = reads(ast)
  return { customers: columns.customers, customer_scores: columns.customer_scores }
}

function reads(ast: SegmentExpr) {
  const tables = new Set<ReadTable>()
  const columns = { customers: new Set<string>(), customer_scores: new Set<string>() }
  const visit = (o: Operand) => {
    const r = resolveOperand(o)
    if (!r) return
    if (r.kind === 'field') {
      const src = r.field.source
      // The id alone reads nothing that can change.
      if (src.table === 'customers' && 'column' in src && src.column === 'customer_id') return
      tables.add(src.table)
      if (src.table === 'customer_tags') return
      // Age and birth month are derived from the birth date.
      columns[src.table].add('column' in src ? src.column : 'birth_date')
      return
    }
    tables.add(r.fn.table)
    if (r.fn.table === 'order_items') tables.add('orders')
    if (r.fn.measure === 'birthday_this_month') columns.customers.add('birth_date')
  }
  forEachOperand(ast, visit)
  return { tables, columns }
}
