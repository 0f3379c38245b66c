import { IS_DISCOUNTED, IS_PURCHASE, IS_REFUND, NET_CONTRIBUTION } from '../../analytics/purchase-rules.js'
import type { Dialect } from '../../sql/dialect.js'
import { type Fragment, ident, join, raw, type SqlValue, sql } from '../../sql/fragment.js'
import type { CompareOp, Literal, Operand, SegmentExpr } from './ast.js'
import { callArgs, type Resolved, resolveOperand } from './checker.js'
import { dateBefore, dateValue } from './dates.js'
import { resolveEnum } from './enums.js'
import { type FieldInfo, findField } from './fields.js'
import type { FunctionInfo } from './functions.js'

/** A saved segment the definition may name in `in_segment(…)`. */
export interface KnownSegment {
  readonly id: string
  readonly name: string
}

export interface CompileContext {
  readonly asOf: string
  readonly snapshotId: string | null
  /** When given, `in_segment` names are resolved here (id or name) and must exist. */
  readonly segments?: readonly KnownSegment[]
}

type ScanTable = 'orders' | 'order_items' | 'events' | 'customer_tags' | 'segment_members'

/** One grouped scan of a table: its aggregate columns (one per leaf measure) and the row pre-filters. */
interface Scan {
  readonly alias: string
  readonly columns: Fragment[]
  /** Earliest window start of any leaf; null when some leaf reads all history. */
  earliest: string | null | undefined
  /** Values that rows must match on some column for any leaf to count them (item / event pre-filter). */
  readonly keep: Fragment[]
}

const SCAN_ALIAS: Record<ScanTable, string> = {
  orders: 'b_orders',
  order_items: 'b_items',
  events: 'b_events',
  customer_tags: 'b_tags',
  segment_members: 'b_segments',
}

/**
 * Compiles a checked tree to one SELECT of `customer_id`. Shape (DESIGN §5, issue 5 §2):
 *
 *   WITH pop AS (customers FULL JOIN this snapshot's scores — only the columns used),
 *        b_orders AS (one grouped scan of orders before asOf, one aggregate column per leaf), b_items, …
 *   SELECT pop.customer_id FROM pop LEFT JOIN b_orders … WHERE <the boolean tree over the leaf columns>
 *
 * Every behaviour leaf over a table is an aggregate column of that table's single scan, so NOT and OR
 * are plain boolean logic over columns, and a customer without rows gets 0 (counts) rather than NULL.
 * Every leaf is two-valued: a comparison with an unknown (NULL) value is false.
 */
export function compileTree(ast: SegmentExpr, d: Dialect, ctx: CompileContext): Fragment {
  const asOfTs = d.timestampLiteral(`${ctx.asOf} 00:00:00`)
  const popColumns = new Map<string, Fragment>()
  const scans = new Map<ScanTable, Scan>()

  const scan = (table: ScanTable): Scan => {
    let s = scans.get(table)
    if (!s) {
      s = { alias: SCAN_ALIAS[table], columns: [], earliest: undefined, keep: [] }
      scans.set(table, s)
    }
    return s
  }
  /** Adds an aggregate column to a scan; returns its value for the WHERE clause (NULL → `empty`). */
  const aggregate = (table: ScanTable, agg: Fragment, empty: Fragment | null = sql`0`): Fragment => {
    const s = scan(table)
    const name = `l${s.columns.length + 1}`
    s.columns.push(sql`${agg} AS ${ident(name)}`)
    const ref = sql`${ident(s.alias, name)}`
    return empty ? sql`coalesce(${ref}, ${empty})` : ref
  }
  /** Records a window: the scan reads from the earliest start any leaf needs. */
  const windowed = (table: ScanTable, column: Fragment, within: Literal | undefined): Fragment | null => {
    const s = scan(table)
    if (within?.kind !== 'duration') {
      s.earliest = null
      return null
    }
    const start = dateBefore(ctx.asOf, within.amount, within.unit)
    if (s.earliest !== null && (s.earliest === undefined || start < s.earliest)) s.earliest = start
    return sql`${column} >= ${d.timestampLiteral(`${start} 00:00:00`)}`
  }
  const all = (conds: (Fragment | null)[]): Fragment => {
    const kept = conds.filter((c): c is Fragment => c !== null)
    return kept.length ? sql`(${join(kept, ' AND ')})` : sql`TRUE`
  }

  function field(f: FieldInfo): Fragment {
    const src = f.source
    if (src.table === 'customer_tags') throw new Error('tag is compiled as a set, not a column')
    if (src.table === 'customer_scores') {
      if (!ctx.snapshotId) return sql`NULL`
    }
    const alias = `f_${f.name}`
    if (!popColumns.has(alias)) {
      const expr =
        'derived' in src
          ? src.derived === 'age'
            ? d.wholeYearsBetween(sql`c.birth_date`, d.dateLiteral(ctx.asOf))
            : d.monthOf(sql`c.birth_date`)
          : src.table === 'customers'
            ? sql`${ident('c', src.column)}`
            : sql`${ident('s', src.column)}`
      popColumns.set(alias, expr)
    }
    return sql`${ident('pop', alias)}`
  }

  /** Number-valued behaviour function → its leaf column (0 for a customer with no rows). */
  function measure(fn: FunctionInfo, args: Map<string, Literal>): Fragment {
    const text = (name: string): string | undefined => {
      const l = args.get(name)
      return l?.kind === 'string' ? l.value : undefined
    }
    const within = args.get('within')
    switch (fn.table) {
      case 'orders': {
        const win = windowed('orders', sql`o.ordered_at`, within)
        const optional = (column: string, value: string | undefined) =>
          value === undefined ? sql`${ident('o', column)} IS NOT NULL` : sql`${ident('o', column)} = ${value}`
        switch (fn.measure) {
          case 'order_count': {
            const channel = text('channel')
            return aggregate(
              'orders',
              d.countIf(all([IS_PURCHASE, win, channel === undefined ? null : sql`o.channel = ${channel}`])),
            )
          }
          case 'net_spend':
            return aggregate('orders', d.sumIf(NET_CONTRIBUTION, all([win])))
          case 'channel_orders':
            return aggregate(
              'orders',
              d.countIf(all([IS_PURCHASE, win, sql`o.channel = ${text('channel')!}`])),
            )
          case 'community_orders':
            return aggregate(
              'orders',
              d.countIf(all([IS_PURCHASE, win, optional('community_id', text('community'))])),
            )
          case 'store_orders':
            return aggregate(
              'orders',
              d.countIf(all([IS_PURCHASE, win, optional('store_id', text('store'))])),
            )
          case 'discounted_orders':
            return aggregate('orders', d.countIf(all([IS_PURCHASE, win, IS_DISCOUNTED])))
          case 'refund_count':
            return aggregate('orders', d.countIf(all([IS_REFUND, win])))
          default:
            break
        }
        break
      }
      case 'order_items': {
        const category = text('category')!
        scan('order_items').keep.push(sql`i.category = ${category}`)
        const win = windowed('order_items', sql`o.ordered_at`, within)
        return aggregate(
          'order_items',
          d.sumIf(
            sql`coalesce(i.quantity, 1) * coalesce(i.unit_price, 0)`,
            all([sql`i.category = ${category}`, win]),
          ),
        )
      }
      case 'events': {
        const type = text('type')!
        scan('events').keep.push(sql`e.type = ${type}`)
        const win = windowed('events', sql`e.occurred_at`, within)
        return aggregate('events', d.countIf(all([sql`e.type = ${type}`, win])))
      }
      default:
        break
    }
    throw new Error(`no numeric measure for ${fn.name}`)
  }

  /** Boolean behaviour function → its leaf condition. */
  function predicate(fn: FunctionInfo, args: Map<string, Literal>): Fragment {
    const text = (name: string) => {
      const l = args.get(name)
      return l?.kind === 'string' ? l.value : ''
    }
    const count = (name: string) => {
      const l = args.get(name)
      return l?.kind === 'number' ? l.value : undefined
    }
    switch (fn.measure) {
      case 'category_purchased':
      case 'brand_purchased':
      case 'product_purchased': {
        const column =
          fn.measure === 'category_purchased'
            ? 'category'
            : fn.measure === 'brand_purchased'
              ? 'brand'
              : 'sku'
        const value = text(fn.positional!.name)
        const match = sql`${ident('i', column)} = ${value}`
        scan('order_items').keep.push(match)
        const cond = all([match, windowed('order_items', sql`o.ordered_at`, args.get('within'))])
        const parts = [sql`${aggregate('order_items', d.countIf(cond))} > 0`]
        const minQuantity = count('min_quantity')
        if (minQuantity !== undefined)
          parts.push(
            sql`${aggregate('order_items', d.sumIf(sql`coalesce(i.quantity, 1)`, cond))} >= ${minQuantity}`,
          )
        const minOrders = count('min_orders')
        if (minOrders !== undefined)
          parts.push(
            sql`${aggregate('order_items', d.countDistinctIf([sql`o.source`, sql`o.order_id`], cond))} >= ${minOrders}`,
          )
        return all(parts)
      }
      case 'has_tag':
        return sql`${aggregate('customer_tags', d.countIf(sql`t.tag = ${text('tag')}`))} > 0`
      case 'in_segment': {
        const ref = text('segment')
        const known = ctx.segments?.find((s) => s.id === ref) ?? ctx.segments?.find((s) => s.name === ref)
        const cond = known ? sql`m.segment_id = ${known.id}` : sql`(m.segment_id = ${ref} OR g.name = ${ref})`
        return sql`${aggregate('segment_members', d.countIf(cond))} > 0`
      }
      case 'birthday_this_month': {
        const month = Number(ctx.asOf.slice(5, 7))
        return sql`${field(findField('birth_month')!)} = ${month}`
      }
      default:
        throw new Error(`no predicate for ${fn.name}`)
    }
  }

  /** The SQL value of a literal compared with an operand of the given type. */
  function literal(l: Literal, r: Resolved): Fragment {
    const type = r.kind === 'field' ? r.field.type : r.fn.returns
    if (type === 'date' || type === 'timestamp') return d.dateLiteral(dateValue(l, ctx.asOf))
    let v: SqlValue
    switch (l.kind) {
      case 'string':
        v = r.kind === 'field' && r.field.values ? resolveEnum(r.field.name, l.value)! : l.value
        break
      case 'number':
      case 'boolean':
        v = l.value
        break
      default:
        throw new Error(`literal ${l.kind} is not a ${type}`)
    }
    return sql`${v}`
  }

  /** The operand's value (not for tags or boolean functions, which are predicates). */
  function value(r: Resolved): Fragment {
    if (r.kind === 'function') return measure(r.fn, callArgs(r.fn, r.call))
    const v = field(r.field)
    return r.field.type === 'timestamp' ? d.dateOf(v) : v
  }

  /** Tag-set predicates: a customer matches when any (or, negated, no) current tag satisfies `cond`. */
  const anyTag = (cond: Fragment, negated: boolean) =>
    sql`${aggregate('customer_tags', d.countIf(cond))} ${raw(negated ? '=' : '>')} 0`

  function leaf(e: Exclude<SegmentExpr, { kind: 'and' | 'or' | 'not' }>): Fragment {
    const left: Operand = e.kind === 'test' ? e.operand : e.left
    const r = resolveOperand(left)!
    const isTag = r.kind === 'field' && r.field.source.table === 'customer_tags'
    switch (e.kind) {
      case 'test':
        if (r.kind === 'function') return predicate(r.fn, callArgs(r.fn, r.call))
        return sql`${value(r)} = TRUE`
      case 'compare': {
        if (isTag) return anyTag(sql`t.tag = ${literal(e.right, r)}`, e.op === '!=')
        if (r.kind === 'function' && r.fn.returns === 'boolean') {
          const p = predicate(r.fn, callArgs(r.fn, r.call))
          const wanted = e.right.kind === 'boolean' && e.right.value
          return (e.op === '=') === wanted ? p : sql`NOT ${p}`
        }
        return sql`${value(r)} ${raw(opText(e.op))} ${literal(e.right, r)}`
      }
      case 'between':
        return sql`${value(r)} BETWEEN ${literal(e.low, r)} AND ${literal(e.high, r)}`
      case 'in': {
        const list = join(e.values.map((v) => literal(v, r)))
        if (isTag) return anyTag(sql`t.tag IN (${list})`, e.negated)
        return sql`${value(r)} ${raw(e.negated ? 'NOT IN' : 'IN')} (${list})`
      }
      case 'contains': {
        const needle = sql`lower(${literal(e.value, r)})`
        if (isTag) return anyTag(d.containsText(sql`lower(t.tag)`, needle), false)
        return d.containsText(sql`lower(${value(r)})`, needle)
      }
      case 'isNull':
        if (isTag) return anyTag(sql`TRUE`, !e.negated)
        return sql`${value(r)} ${raw(e.negated ? 'IS NOT NULL' : 'IS NULL')}`
    }
  }

  function walk(e: SegmentExpr): Fragment {
    switch (e.kind) {
      case 'and':
        return sql`(${join(e.items.map(walk), ' AND ')})`
      case 'or':
        return sql`(${join(e.items.map(walk), ' OR ')})`
      case 'not':
        return sql`(NOT ${walk(e.operand)})`
      default:
        // Two-valued leaves: unknown is false, so NOT flips exactly (see CONTEXT.md, NULL semantics).
        return sql`coalesce(${leaf(e)}, FALSE)`
    }
  }

  const where = walk(ast)
  return assemble(d, ctx, where, popColumns, scans, asOfTs)
}

function opText(op: CompareOp): string {
  return op === '!=' ? '<>' : op
}

function assemble(
  d: Dialect,
  ctx: CompileContext,
  where: Fragment,
  popColumns: Map<string, Fragment>,
  scans: Map<ScanTable, Scan>,
  asOfTs: Fragment,
): Fragment {
  const extra = [...popColumns].map(([alias, expr]) => sql`, ${expr} AS ${ident(alias)}`)
  // Prospects scored in the snapshot but absent from customers are part of the population (contract).
  const pop = ctx.snapshotId
    ? sql`SELECT coalesce(c.customer_id, s.customer_id) AS customer_id${join(extra, '')}
      FROM customers c FULL JOIN (SELECT * FROM customer_scores WHERE snapshot_id = ${ctx.snapshotId}) s
        ON s.customer_id = c.customer_id`
    : sql`SELECT c.customer_id AS customer_id${join(extra, '')} FROM customers c`
  const ctes: Fragment[] = [sql`pop AS (${pop})`]
  const joins: Fragment[] = []
  for (const [table, s] of scans) {
    const since = s.earliest ? s.earliest : null
    ctes.push(sql`${ident(s.alias)} AS (${scanQuery(d, table, s, asOfTs, since)})`)
    joins.push(sql` LEFT JOIN ${ident(s.alias)} ON ${ident(s.alias, 'customer_id')} = pop.customer_id`)
  }
  return sql`WITH ${join(ctes, ',\n')}
SELECT pop.customer_id FROM pop${join(joins, '')}
WHERE ${where}`
}

function scanQuery(d: Dialect, table: ScanTable, s: Scan, asOfTs: Fragment, since: string | null): Fragment {
  const cols = join(s.columns)
  const from = (column: Fragment) =>
    since ? sql` AND ${column} >= ${d.timestampLiteral(`${since} 00:00:00`)}` : sql``
  const keep = s.keep.length ? sql` AND (${join(s.keep, ' OR ')})` : sql``
  switch (table) {
    case 'orders':
      return sql`SELECT o.customer_id, ${cols} FROM orders o
        WHERE o.customer_id IS NOT NULL AND o.ordered_at < ${asOfTs}${from(sql`o.ordered_at`)}
        GROUP BY o.customer_id`
    case 'order_items':
      return sql`SELECT o.customer_id, ${cols} FROM order_items i
        JOIN orders o ON o.source = i.source AND o.order_id = i.order_id
        WHERE o.customer_id IS NOT NULL AND o.ordered_at < ${asOfTs}${from(sql`o.ordered_at`)} AND ${IS_PURCHASE}${keep}
        GROUP BY o.customer_id`
    case 'events':
      return sql`SELECT e.customer_id, ${cols} FROM events e
        WHERE e.customer_id IS NOT NULL AND e.occurred_at < ${asOfTs}${from(sql`e.occurred_at`)}${keep}
        GROUP BY e.customer_id`
    case 'customer_tags':
      return sql`SELECT t.customer_id, ${cols} FROM customer_tags t GROUP BY t.customer_id`
    case 'segment_members':
      return sql`SELECT m.customer_id, ${cols} FROM segment_members m
        LEFT JOIN segments g ON g.segment_id = m.segment_id
        WHERE m.exited_at IS NULL GROUP BY m.customer_id`
  }
}
