import { IS_DISCOUNTED, IS_PURCHASE, IS_REFUND, NET_CONTRIBUTION } from '../../analytics/purchase-rules.js'
import type { Dialect } from '../../sql/dialect.js'
import { type Fragment, ident, join, raw, type SqlValue, sql } from '../../sql/fragment.js'
import type { CompareOp, Literal, Operand, SegmentExpr } from './ast.js'
import { callArgs, type Resolved, resolveOperand } from './checker.js'
import type { CompileContext } from './context.js'
import { dateBefore, dateValue } from './dates.js'
import { resolveEnum } from './enums.js'
import { type FieldInfo, findField } from './fields.js'
import type { FunctionInfo } from './functions.js'
import {
  ID,
  type Leaf,
  type Node,
  type PlanOptions,
  plan,
  SCAN_ALIAS,
  type Scan,
  type ScanTable,
  type Source,
} from './plan.js'

export type { CompileContext, KnownSegment, Population } from './context.js'
export type { PlanOptions } from './plan.js'

/**
 * Compiles a checked tree to one SELECT of `customer_id`. Shape (DESIGN §5, issue 5 §2):
 *
 *   WITH [candidates AS (…),] b_orders AS (one grouped scan of orders before asOf, one aggregate column
 *        per leaf), b_items, b_events, b_tags, b_segments
 *   SELECT <id> FROM <customers | scores | a required scan | customers FULL JOIN scores> [LEFT] JOIN b_…
 *   WHERE <the boolean tree over the record, score and leaf columns>
 *
 * Every behaviour leaf over a table is an aggregate column of that table's single scan, so NOT and OR
 * are plain boolean logic over columns, and a customer without rows gets 0 (counts) rather than NULL.
 * Every leaf is two-valued: a comparison with an unknown (NULL) value is false.
 */
export function compileTree(
  ast: SegmentExpr,
  d: Dialect,
  ctx: CompileContext,
  options: PlanOptions = {},
): Fragment {
  const asOfTs = d.timestampLiteral(`${ctx.asOf} 00:00:00`)
  const scans = new Map<ScanTable, Scan>()

  const scan = (table: ScanTable): Scan => {
    let s = scans.get(table)
    if (!s) {
      s = { alias: SCAN_ALIAS[table], columns: [], earliest: undefined, keep: [], byName: false }
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
      return sql`${ident('s', src.column)}`
    }
    // The population's id covers prospects that exist only in the snapshot; it depends on the plan.
    if ('column' in src && src.column === 'customer_id') return sql`${ID}`
    if ('derived' in src)
      return src.derived === 'age'
        ? d.wholeYearsBetween(sql`c.birth_date`, d.dateLiteral(ctx.asOf))
        : d.monthOf(sql`c.birth_date`)
    return sql`${ident('c', src.column)}`
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
        if (!known) scan('segment_members').byName = true
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
        // A substring is plain text, never an enum value to translate.
        const text = e.value.kind === 'string' ? e.value.value : ''
        const needle = sql`lower(${text})`
        if (isTag) return anyTag(d.containsText(sql`lower(t.tag)`, needle), false)
        return d.containsText(sql`lower(${value(r)})`, needle)
      }
      case 'isNull':
        if (isTag) return anyTag(sql`TRUE`, !e.negated)
        return sql`${value(r)} ${raw(e.negated ? 'IS NOT NULL' : 'IS NULL')}`
    }
  }

  /** Which row a leaf reads (null: none that can be missing) and its truth when that row is missing. */
  function origin(e: Exclude<SegmentExpr, { kind: 'and' | 'or' | 'not' }>): Pick<Leaf, 'source' | 'absent'> {
    const left: Operand = e.kind === 'test' ? e.operand : e.left
    const r = resolveOperand(left)!
    if (r.kind === 'field') {
      const src = r.field.source
      const source: Source | null =
        src.table === 'customer_tags'
          ? 'customer_tags'
          : src.table === 'customer_scores'
            ? ctx.snapshotId
              ? 'scores'
              : null
            : 'column' in src && src.column === 'customer_id'
              ? null
              : 'customers'
      if (src.table === 'customer_tags') {
        // Without tag rows every count is 0: only the negated forms hold.
        const absent =
          e.kind === 'compare'
            ? e.op === '!='
            : e.kind === 'in'
              ? e.negated
              : e.kind === 'isNull'
                ? !e.negated
                : false
        return { source, absent }
      }
      return { source, absent: e.kind === 'isNull' ? !e.negated : false }
    }
    const source: Source = r.fn.table === 'customers' ? 'customers' : r.fn.table
    if (r.fn.returns === 'boolean') {
      // A missing row means every count is 0, so the predicate is false; compared with a boolean, flip as written.
      if (e.kind !== 'compare') return { source, absent: false }
      const wanted = e.right.kind === 'boolean' && e.right.value
      return { source, absent: (e.op === '=') !== wanted }
    }
    // Numbers of a customer without rows are 0: evaluate the comparison on 0.
    const num = (l: Literal) => (l.kind === 'number' ? l.value : Number.NaN)
    switch (e.kind) {
      case 'compare':
        return { source, absent: compareZero(e.op, num(e.right)) }
      case 'between':
        return { source, absent: num(e.low) <= 0 && 0 <= num(e.high) }
      case 'in':
        return { source, absent: e.values.some((v) => num(v) === 0) !== e.negated }
      default:
        return { source, absent: false }
    }
  }

  function walk(e: SegmentExpr): Node {
    switch (e.kind) {
      case 'and':
      case 'or':
        return { kind: e.kind, items: e.items.map(walk) }
      case 'not':
        return { kind: 'not', operand: walk(e.operand) }
      default:
        // Two-valued leaves: unknown is false, so NOT flips exactly (see CONTEXT.md, NULL semantics).
        return { kind: 'leaf', sql: sql`coalesce(${leaf(e)}, FALSE)`, ...origin(e) }
    }
  }

  return plan(d, ctx, walk(ast), scans, asOfTs, options)
}

function compareZero(op: CompareOp, v: number): boolean {
  switch (op) {
    case '=':
      return v === 0
    case '!=':
      return v !== 0
    case '<':
      return 0 < v
    case '<=':
      return 0 <= v
    case '>':
      return 0 > v
    case '>=':
      return 0 >= v
  }
}

function opText(op: CompareOp): string {
  return op === '!=' ? '<>' : op
}
