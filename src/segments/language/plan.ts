import { IS_PURCHASE } from '../../analytics/purchase-rules.js'
import type { Dialect } from '../../sql/dialect.js'
import { Fragment, type IdentPart, ident, join, raw, sql } from '../../sql/fragment.js'
import type { CompileContext } from './context.js'

// The planner: which table drives the query, which sources are inner-joined, how each table's single
// grouped scan is written. compile.ts turns leaves into SQL; this file only arranges them.

export type ScanTable = 'orders' | 'order_items' | 'events' | 'customer_tags' | 'segment_members'
/** A row a leaf reads: the customer record, the snapshot's scores, or a behaviour table's grouped scan. */
export type Source = 'customers' | 'scores' | ScanTable

/** The boolean tree with compiled leaves, kept as a tree so the planner can reason about missing rows. */
export type Node =
  | Leaf
  | { readonly kind: 'and' | 'or'; readonly items: readonly Node[] }
  | { readonly kind: 'not'; readonly operand: Node }
export interface Leaf {
  readonly kind: 'leaf'
  readonly sql: Fragment
  /** The row the leaf reads; null when it reads nothing that can be missing (the id, a NULL score). */
  readonly source: Source | null
  /** The leaf's value when that row is missing (a customer without orders: counts are 0). */
  readonly absent: boolean
}

export interface PlanOptions {
  /**
   * The reference plan: the whole population, every source left-joined, no candidate narrowing. Same
   * results, slower; tests compare the real planner against it.
   */
  readonly naive?: boolean
}

/** Stands for the population's customer id until the planner has chosen which table provides it. */
export const ID: IdentPart = { kind: 'ident', names: ['\u0000population id'] }

/** One grouped scan of a table: its aggregate columns (one per leaf measure) and the row pre-filters. */
export interface Scan {
  readonly alias: string
  readonly columns: Fragment[]
  /** Earliest window start of any leaf; null when some leaf reads all history. */
  earliest: string | null | undefined
  /** Values that rows must match on some column for any leaf to count them (item / event pre-filter). */
  readonly keep: Fragment[]
  /** segment_members only: some `in_segment` name is matched against `segments.name` in SQL. */
  byName: boolean
}

export const SCAN_ALIAS: Record<ScanTable, string> = {
  orders: 'b_orders',
  order_items: 'b_items',
  events: 'b_events',
  customer_tags: 'b_tags',
  segment_members: 'b_segments',
}

/** Kleene truth of a tree when `source`'s row is missing: leaves reading it take their `absent` value. */
function whenMissing(n: Node, source: Source): boolean | undefined {
  switch (n.kind) {
    case 'leaf':
      return n.source === source ? n.absent : undefined
    case 'not': {
      const v = whenMissing(n.operand, source)
      return v === undefined ? undefined : !v
    }
    case 'and': {
      const vs = n.items.map((i) => whenMissing(i, source))
      return vs.includes(false) ? false : vs.every((v) => v === true) ? true : undefined
    }
    case 'or': {
      const vs = n.items.map((i) => whenMissing(i, source))
      return vs.includes(true) ? true : vs.every((v) => v === false) ? false : undefined
    }
  }
}

function render(n: Node): Fragment {
  switch (n.kind) {
    case 'leaf':
      return n.sql
    case 'not':
      return sql`(NOT ${render(n.operand)})`
    default:
      return sql`(${join(n.items.map(render), n.kind === 'and' ? ' AND ' : ' OR ')})`
  }
}

function sources(n: Node, out = new Set<Source | null>()): Set<Source | null> {
  if (n.kind === 'leaf') out.add(n.source)
  else if (n.kind === 'not') sources(n.operand, out)
  else for (const i of n.items) sources(i, out)
  return out
}

/** Replaces the population-id placeholder by the plan's id expression. */
function withId(f: Fragment, id: Fragment): Fragment {
  return new Fragment(f.parts.flatMap((p) => (p === ID ? id.parts : [p])))
}

/**
 * Chooses the joins. A source whose missing row makes the whole definition false is *required*: it is
 * joined with an inner join (or drives the query), so the engine starts from the smallest candidate set
 * instead of the whole population; others are left-joined. The population (customers ∪ the snapshot's
 * scores) is only materialised in full when nothing narrows it.
 */
export function plan(
  d: Dialect,
  ctx: CompileContext,
  tree: Node,
  scans: Map<ScanTable, Scan>,
  asOfTs: Fragment,
  options: PlanOptions,
): Fragment {
  const used = sources(tree)
  const required = (s: Source) => !options.naive && used.has(s) && whenMissing(tree, s) === false
  // With a population, both population tables are cut down to it before any join (the FULL JOIN of the
  // union plan included), instead of joining a million rows and filtering afterwards.
  // A caller's pre-cut relations (a temp table shared by many definitions) are read as they are.
  const pop = ctx.population
  const only = pop ? sql` AND customer_id IN (SELECT customer_id FROM restrict_ids)` : sql``
  const scores = !ctx.snapshotId
    ? null
    : pop?.scores
      ? sql`(SELECT * FROM ${pop.scores} AS ps WHERE snapshot_id = ${ctx.snapshotId})`
      : sql`(SELECT * FROM customer_scores WHERE snapshot_id = ${ctx.snapshotId}${only})`
  const customers = pop?.customers
    ? sql`(SELECT * FROM ${pop.customers} AS pc)`
    : pop
      ? sql`(SELECT * FROM customers WHERE TRUE${only})`
      : sql`customers`
  const requiredScan = [...scans.keys()].find((t) => required(t))

  const driver: Source | 'union' =
    required('customers') || !scores ? 'customers' : required('scores') ? 'scores' : (requiredScan ?? 'union')
  let from: Fragment
  let id: Fragment
  const where = (tree.kind === 'and' ? tree.items : [tree]).map(render)
  if (driver === 'customers') {
    id = sql`c.customer_id`
    const scoresJoin = required('scores') ? 'JOIN' : 'LEFT JOIN'
    from =
      used.has('scores') && scores
        ? sql`${customers} c ${raw(scoresJoin)} ${scores} s ON s.customer_id = c.customer_id`
        : sql`${customers} c`
  } else if (driver === 'scores') {
    id = sql`s.customer_id`
    from = used.has('customers')
      ? sql`${scores} s LEFT JOIN ${customers} c ON c.customer_id = s.customer_id`
      : sql`${scores} s`
  } else if (driver === 'union') {
    id = sql`coalesce(c.customer_id, s.customer_id)`
    from = sql`${customers} c FULL JOIN ${scores} s ON s.customer_id = c.customer_id`
  } else {
    // Only customers with rows in a required table can match: start from that (small) grouped scan and
    // keep those that belong to the population.
    const alias = SCAN_ALIAS[driver]
    id = sql`${ident(alias, 'customer_id')}`
    from = sql`${ident(alias)} LEFT JOIN ${customers} c ON c.customer_id = ${id} LEFT JOIN ${scores} s ON s.customer_id = ${id}`
    where.unshift(sql`(c.customer_id IS NOT NULL OR s.customer_id IS NOT NULL)`)
  }

  const ctes: Fragment[] = []
  const joins: Fragment[] = []
  // A given population (the customers a live update touched): only they can be answered, and every scan
  // below reads only their rows (as candidates), so the cost follows their number, not the store's size.
  const inPopulation = sql`${id} IN (SELECT customer_id FROM restrict_ids)`
  if (pop) {
    ctes.push(sql`restrict_ids AS (SELECT DISTINCT p.customer_id AS customer_id FROM (${pop.ids}) AS p
      WHERE p.customer_id IS NOT NULL)`)
    where.push(inPopulation)
  }
  // Sideways filter: when conditions on the customer record / scores alone must hold (top-level AND), the
  // behaviour scans only group rows of customers that pass them, instead of every customer's rows.
  const conjuncts = tree.kind === 'and' ? tree.items : [tree]
  const narrowing = conjuncts.filter((c) =>
    [...sources(c)].every((s) => s === null || s === 'customers' || s === 'scores'),
  )
  let restrict = false
  if (
    !options.naive &&
    scans.size > 0 &&
    narrowing.length > 0 &&
    (driver === 'customers' || driver === 'scores')
  ) {
    const conds = [...narrowing.map(render), ...(pop ? [inPopulation] : [])]
    ctes.push(sql`candidates AS (SELECT ${id} AS customer_id FROM ${from} WHERE ${join(conds, ' AND ')})`)
    restrict = true
  } else if (pop && scans.size > 0) {
    ctes.push(sql`candidates AS (SELECT customer_id FROM restrict_ids)`)
    restrict = true
  }
  // Candidates' orders are few: read them once for both the order scan and the item scan.
  const shared = restrict && scans.has('orders') && scans.has('order_items')
  if (shared) {
    const starts = [scans.get('orders')!.earliest, scans.get('order_items')!.earliest]
    const since = starts.every((x) => typeof x === 'string') ? (starts as string[]).sort()[0]! : null
    const from = since ? sql` AND o.ordered_at >= ${d.timestampLiteral(`${since} 00:00:00`)}` : sql``
    ctes.push(sql`candidate_orders AS (SELECT o.customer_id AS customer_id, o.source AS source, o.order_id AS order_id,
        o.ordered_at AS ordered_at, o.amount AS amount, o.status AS status, o.discount AS discount,
        o.coupon_code AS coupon_code, o.channel AS channel, o.store_id AS store_id, o.community_id AS community_id
      FROM orders o JOIN candidates k ON k.customer_id = o.customer_id
      WHERE o.customer_id IS NOT NULL AND o.ordered_at < ${asOfTs}${from})`)
  }
  for (const [table, s] of scans) {
    const orders = shared ? 'candidate_orders' : restrict ? 'candidates' : 'all'
    ctes.push(sql`${ident(s.alias)} AS (${scanQuery(d, table, s, asOfTs, s.earliest ?? null, orders)})`)
    if (table === driver) continue
    const kind = required(table) ? 'JOIN' : 'LEFT JOIN'
    joins.push(sql` ${raw(kind)} ${ident(s.alias)} ON ${ident(s.alias, 'customer_id')} = ${id}`)
  }
  const body = sql`SELECT ${id} AS customer_id FROM ${from}${join(joins, '')}
WHERE ${join(where, '\n  AND ')}`
  return withId(ctes.length ? sql`WITH ${join(ctes, ',\n')}\n${body}` : body, id)
}

function scanQuery(
  d: Dialect,
  table: ScanTable,
  s: Scan,
  asOfTs: Fragment,
  since: string | null,
  rows: 'all' | 'candidates' | 'candidate_orders',
): Fragment {
  const cols = join(s.columns)
  // An inner join with the (unique) candidate ids rather than IN (…): the engine then starts from the
  // candidates' rows before joining anything bigger (items ⋈ orders especially).
  // `AS customer_id` on every projection: with several joined relations holding a customer_id, ClickHouse
  // names the column `o.customer_id`, and the outer join on `<scan>.customer_id` would not find it.
  const only = (column: Fragment) =>
    rows === 'candidates' ? sql` JOIN candidates k ON k.customer_id = ${column}` : sql``
  const orders =
    rows === 'candidate_orders' ? sql`candidate_orders o` : sql`orders o${only(sql`o.customer_id`)}`
  const from = (column: Fragment) =>
    since ? sql` AND ${column} >= ${d.timestampLiteral(`${since} 00:00:00`)}` : sql``
  const keep = s.keep.length ? sql` AND (${join(s.keep, ' OR ')})` : sql``
  switch (table) {
    case 'orders':
      return sql`SELECT o.customer_id AS customer_id, ${cols} FROM ${orders}
        WHERE o.customer_id IS NOT NULL AND o.ordered_at < ${asOfTs}${from(sql`o.ordered_at`)}
        GROUP BY o.customer_id`
    case 'order_items':
      return sql`SELECT o.customer_id AS customer_id, ${cols} FROM ${orders}
        JOIN order_items i ON i.source = o.source AND i.order_id = o.order_id
        WHERE o.customer_id IS NOT NULL AND o.ordered_at < ${asOfTs}${from(sql`o.ordered_at`)} AND ${IS_PURCHASE}${keep}
        GROUP BY o.customer_id`
    case 'events':
      return sql`SELECT e.customer_id AS customer_id, ${cols} FROM events e${only(sql`e.customer_id`)}
        WHERE e.customer_id IS NOT NULL AND e.occurred_at < ${asOfTs}${from(sql`e.occurred_at`)}${keep}
        GROUP BY e.customer_id`
    case 'customer_tags':
      return sql`SELECT t.customer_id AS customer_id, ${cols} FROM customer_tags t${only(sql`t.customer_id`)} GROUP BY t.customer_id`
    case 'segment_members':
      return sql`SELECT m.customer_id AS customer_id, ${cols} FROM segment_members m${only(sql`m.customer_id`)}${
        s.byName ? sql` LEFT JOIN segments g ON g.segment_id = m.segment_id` : sql``
      }
        WHERE m.exited_at IS NULL GROUP BY m.customer_id`
  }
}
