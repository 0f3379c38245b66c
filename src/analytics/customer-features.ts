import type { Dialect } from '../sql/dialect.js'
import { type Fragment, ident, join, raw, sql } from '../sql/fragment.js'
import type { AnalysisConfig } from './analysis-config.js'
import { addDaysIso } from './analysis-window.js'
import {
  IS_DISCOUNTED,
  IS_PURCHASE,
  IS_REFUND,
  inList,
  inWindow,
  NET_CONTRIBUTION,
} from './purchase-rules.js'

/** The temp tables the feature stage writes, one per source table, each computed in one statement. */
export const FEATURE_PARTS = {
  orders: 'strata_stage_f_orders',
  items: 'strata_stage_f_items',
  events: 'strata_stage_f_events',
  feedback: 'strata_stage_f_feedback',
} as const

export interface FeatureQueryInput {
  readonly asOf: string
  readonly windowStart: string | null
  readonly config: Pick<AnalysisConfig, 'channels' | 'events' | 'features'>
}

const EVENT_DAYS = [7, 30, 90] as const
const TOP_N = 3

const table = (name: string) => ident(name)

/**
 * The feature stage (DESIGN §1 "analyse") as a few statements, one scan per source table: order
 * behaviour, purchase intervals, item preferences, recent events and latest feedback, joined with
 * profile attributes by `featuresRelation`, which the scores stage reads.
 *
 * @example
 * for (const q of featureStageQueries(conn.dialect, { asOf, windowStart: null, config })) await conn.run(q)
 */
export function featureStageQueries(d: Dialect, input: FeatureQueryInput): Fragment[] {
  return [ordersPart(d, input), itemsPart(d, input), eventsPart(d, input), feedbackPart(d, input)]
}

/** The per-customer aggregates of the orders part, passed through the wrappers that add the intervals. */
const ORDER_AGGREGATES = [
  'first_order_at',
  'last_order_at',
  'purchases',
  'purchase_value',
  'net_spend',
  'refund_count',
  'discounted',
  'online',
  'in_store',
  'community',
  'weekend',
  'night',
] as const

/**
 * Order behaviour and purchase intervals in one scan of `orders`. The intervals are the days between
 * consecutive purchase days: each customer's purchase dates are collected sorted, and the gaps are taken
 * from that short list (same-day purchases give a 0 gap, which is dropped). A window over every purchase
 * (lag by customer) did the same in a second scan and a sort of all purchases, at twice the cost.
 */
function ordersPart(d: Dialect, { asOf, windowStart, config }: FeatureQueryInput): Fragment {
  const ch = config.channels
  const channel = sql`CASE WHEN ${inList(sql`o.channel`, ch.community)} OR o.community_id IS NOT NULL THEN 3
      WHEN ${inList(sql`o.channel`, ch.store)} OR (o.channel IS NULL AND o.store_id IS NOT NULL) THEN 2
      WHEN ${inList(sql`o.channel`, ch.online)} THEN 1 ELSE 0 END`
  const hour = d.hourOf(sql`o.ordered_at`)
  const flag = (condition: Fragment) => sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`
  // Counts, not sums of 0/1 flags: a sum of integers widens to a 128-bit type in some engines, which
  // doubles the width of this 1-row-per-customer table the later stages keep in memory.
  const purchasesWhere = (condition: Fragment) => d.countIf(sql`p = 1 AND ${condition}`)
  // Named one by one at each level: some engines name a passed-through `x.col` "x.col".
  const carried = (from: string) => join(ORDER_AGGREGATES.map((c) => sql`${ident(from, c)} AS ${ident(c)}`))
  // Each order's flags are computed once in the inner SELECT; the aggregates only count them.
  return sql`${d.replaceTempTable(FEATURE_PARTS.orders)} AS
  SELECT g.customer_id AS customer_id, ${carried('g')},
    ${d.listMean(sql`g.gaps`)} AS mean_interval_days, ${d.listMedian(sql`g.gaps`)} AS median_interval_days
  FROM (
    SELECT a.customer_id AS customer_id, ${carried('a')}, ${d.positiveDayGaps(sql`a.purchase_days`)} AS gaps
    FROM (
      SELECT customer_id,
        min(CASE WHEN p = 1 THEN ordered_at END) AS first_order_at,
        max(CASE WHEN p = 1 THEN ordered_at END) AS last_order_at,
        ${d.countIf(sql`p = 1`)} AS purchases,
        ${d.toMoney(sql`sum(CASE WHEN p = 1 THEN amount ELSE 0 END)`)} AS purchase_value,
        ${d.toMoney(sql`sum(net)`)} AS net_spend,
        ${d.countIf(sql`refund = 1`)} AS refund_count,
        ${purchasesWhere(sql`discounted = 1`)} AS discounted,
        ${purchasesWhere(sql`channel_group = 1`)} AS online,
        ${purchasesWhere(sql`channel_group = 2`)} AS in_store,
        ${purchasesWhere(sql`channel_group = 3`)} AS community,
        ${purchasesWhere(sql`weekend = 1`)} AS weekend,
        ${purchasesWhere(sql`night = 1`)} AS night,
        ${d.sortedDatesIf(sql`day`, sql`p = 1`)} AS purchase_days
      FROM (
        SELECT o.customer_id, o.ordered_at, ${d.dateOf(sql`o.ordered_at`)} AS day, o.amount,
          ${NET_CONTRIBUTION} AS net,
          ${flag(IS_PURCHASE)} AS p, ${flag(IS_REFUND)} AS refund, ${flag(IS_DISCOUNTED)} AS discounted,
          ${channel} AS channel_group,
          ${flag(sql`${d.isoDayOfWeek(sql`o.ordered_at`)} >= 6`)} AS weekend,
          ${flag(sql`${hour} >= 22 OR ${hour} < 6`)} AS night
        FROM orders AS o
        WHERE o.customer_id IS NOT NULL AND ${inWindow(d, asOf, windowStart)}
      ) AS per_order
      GROUP BY customer_id
    ) AS a
  ) AS g`
}

/**
 * Spend per customer × category and × brand in one pass (GROUPING SETS), over purchases in the last
 * `preferenceDays` of the window. A relation, not a table: the top three are taken from it in the same
 * statement, which saves writing and re-reading its ≈ 10 rows per customer (a third of this part's cost
 * at 1M customers); the engine still spills both steps when memory is short.
 */
function itemSpend(d: Dialect, { asOf, windowStart, config }: FeatureQueryInput): Fragment {
  const days = config.features.preferenceDays
  const since = days > 0 ? addDaysIso(asOf, -days) : null
  const from = since !== null && (windowStart === null || since > windowStart) ? since : windowStart
  return sql`SELECT o.customer_id AS customer_id, GROUPING(it.category) AS by_brand,
    CASE WHEN GROUPING(it.category) = 1 THEN it.brand ELSE it.category END AS name,
    sum(coalesce(it.quantity, 1) * coalesce(it.unit_price, 0)) AS spend
  FROM order_items AS it
  JOIN orders AS o ON o.source = it.source AND o.order_id = it.order_id
  WHERE o.customer_id IS NOT NULL AND ${inWindow(d, asOf, from)} AND ${IS_PURCHASE}
  GROUP BY GROUPING SETS ((o.customer_id, it.category), (o.customer_id, it.brand))`
}

/**
 * The top three categories and brands with their shares of the customer's item spend (ties by name).
 * Stored as low-cardinality columns, not a JSON list: they compress to almost nothing, where a
 * per-customer JSON text costs a third of the snapshot write.
 */
function itemsPart(d: Dialect, input: FeatureQueryInput): Fragment {
  // One row per customer (categories and brands side by side), so the scores stage joins it once.
  const columns = (['category', 'brand'] as const).flatMap((kind, byBrand) =>
    [1, 2, 3].flatMap((k) => {
      const suffix = k === 1 ? '' : `_${k}`
      const pick = (column: 'name' | 'share') =>
        sql`max(CASE WHEN by_brand = ${byBrand} AND k = ${k} THEN ${raw(column)} END)`
      return [
        sql`${pick('name')} AS ${ident(`top_${kind}${suffix}`)}`,
        sql`${pick('share')} AS ${ident(`top_${kind}${suffix}_share`)}`,
      ]
    }),
  )
  // Both windows share one partitioning and order, so the engine sorts the rows once.
  const rankOrder = sql`PARTITION BY customer_id, by_brand ORDER BY spend DESC, name`
  const whole = sql`ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING`
  return sql`${d.replaceTempTable(FEATURE_PARTS.items)} AS
  SELECT customer_id, ${join(columns)}
  FROM (
    SELECT customer_id, by_brand, name,
      row_number() OVER (${rankOrder}) AS k,
      ${d.toDouble(sql`spend`)} / ${d.toDouble(sql`sum(spend) OVER (${rankOrder} ${whole})`)} AS share
    FROM (${itemSpend(d, input)}) AS spent
    WHERE name IS NOT NULL AND name <> '' AND spend > 0
  ) AS ranked
  WHERE k <= ${TOP_N}
  GROUP BY customer_id`
}

function eventsPart(d: Dialect, { asOf, config }: FeatureQueryInput): Fragment {
  const counts = EVENT_DAYS.flatMap((days) => {
    const since = sql`e.occurred_at >= ${d.timestampLiteral(`${addDaysIso(asOf, -days)} 00:00:00`)}`
    return (['view', 'search', 'cart'] as const).map((kind) => {
      const column = `${kind === 'search' ? 'searches' : `${kind}s`}_${days}d`
      return sql`${d.countIf(sql`${inList(sql`e.type`, config.events[kind])} AND ${since}`)} AS ${ident(column)}`
    })
  })
  return sql`${d.replaceTempTable(FEATURE_PARTS.events)} AS
  SELECT e.customer_id, ${join(counts)}
  FROM events AS e
  WHERE e.customer_id IS NOT NULL AND e.occurred_at < ${d.timestampLiteral(`${asOf} 00:00:00`)}
    AND e.occurred_at >= ${d.timestampLiteral(`${addDaysIso(asOf, -90)} 00:00:00`)}
  GROUP BY e.customer_id`
}

function feedbackPart(d: Dialect, { asOf }: FeatureQueryInput): Fragment {
  // A NULL ordering value is skipped by argMax, so each picks the latest answer that has that field.
  return sql`${d.replaceTempTable(FEATURE_PARTS.feedback)} AS
  SELECT f.customer_id,
    ${d.argMax(sql`f.nps`, sql`CASE WHEN f.nps IS NOT NULL THEN f.answered_at END`)} AS latest_nps,
    ${d.argMax(sql`f.score`, sql`CASE WHEN f.score IS NOT NULL THEN f.answered_at END`)} AS latest_satisfaction
  FROM feedback AS f
  WHERE f.customer_id IS NOT NULL AND f.answered_at < ${d.timestampLiteral(`${asOf} 00:00:00`)}
  GROUP BY f.customer_id`
}

/**
 * One row of features per customer known at `asOf` — the customers table (signed up before `asOf`) plus
 * every customer with an order in the window — as a SELECT over the parts and the profile attributes.
 *
 * @example
 * sql`SELECT * FROM (${featuresRelation(d, { asOf })}) AS f`
 */
export function featuresRelation(d: Dialect, { asOf }: Pick<FeatureQueryInput, 'asOf'>): Fragment {
  const asOfDay = d.dateLiteral(asOf)
  const share = (n: Fragment, total: Fragment) => sql`${d.toDouble(n)} / nullif(${total}, 0)`
  const eventColumns = EVENT_DAYS.flatMap((days) =>
    ['views', 'searches', 'carts'].map(
      (k) => sql`coalesce(ev.${ident(`${k}_${days}d`)}, 0) AS ${ident(`${k}_${days}d`)}`,
    ),
  )
  const asOfTs = d.timestampLiteral(`${asOf} 00:00:00`)
  // customers ⟗ order aggregates gives every known customer in one join (no UNION + second join). Profile
  // values are derived inside it (age, city tier), so the wide rows the later joins hash carry no JSON
  // text. Every projected column is named explicitly: some engines name `k.x` "k.x", not "x".
  return sql`SELECT k.customer_id AS customer_id,
  k.first_order_at AS first_order_at, k.last_order_at AS last_order_at,
  ${d.daysBetween(d.dateOf(sql`k.first_order_at`), asOfDay)} AS tenure_days,
  coalesce(k.net_spend, 0) AS net_spend,
  coalesce(k.purchase_value, 0) AS purchase_value,
  ${d.moneyRatio(sql`k.purchase_value`, sql`nullif(k.purchases, 0)`)} AS aov,
  k.mean_interval_days AS mean_interval_days, k.median_interval_days AS median_interval_days,
  coalesce(k.refund_count, 0) AS refund_count,
  ${share(sql`k.refund_count`, sql`k.purchases + k.refund_count`)} AS refund_share,
  ${share(sql`k.discounted`, sql`k.purchases`)} AS discount_share,
  ${join(
    (['category', 'brand'] as const).flatMap((kind) =>
      ['', '_2', '_3'].flatMap((rank) => [
        sql`it.${ident(`top_${kind}${rank}`)} AS ${ident(`top_${kind}${rank}`)}`,
        sql`it.${ident(`top_${kind}${rank}_share`)} AS ${ident(`top_${kind}${rank}_share`)}`,
      ]),
    ),
  )},
  ${share(sql`k.online`, sql`k.purchases`)} AS online_share,
  ${share(sql`k.in_store`, sql`k.purchases`)} AS store_share,
  ${share(sql`k.community`, sql`k.purchases`)} AS community_share,
  ${share(sql`k.weekend`, sql`k.purchases`)} AS weekend_share,
  ${share(sql`k.night`, sql`k.purchases`)} AS night_share,
  ${join(eventColumns)},
  fb.latest_nps AS latest_nps, fb.latest_satisfaction AS latest_satisfaction,
  k.age AS age, k.gender AS gender, k.city AS city, k.region AS region, k.city_tier AS city_tier
FROM (
  SELECT coalesce(c.customer_id, ord.customer_id) AS customer_id,
    ${d.wholeYearsBetween(sql`c.birth_date`, asOfDay)} AS age,
    ${join(['gender', 'city', 'region'].map((c) => sql`c.${ident(c)} AS ${ident(c)}`))},
    ${d.jsonText(sql`c.attributes`, 'city_tier')} AS city_tier,
    ${join([...ORDER_AGGREGATES, 'mean_interval_days', 'median_interval_days'].map((c) => sql`ord.${ident(c)} AS ${ident(c)}`))}
  FROM customers AS c
  FULL OUTER JOIN ${table(FEATURE_PARTS.orders)} AS ord ON ord.customer_id = c.customer_id
  WHERE ord.customer_id IS NOT NULL OR c.signup_at IS NULL OR c.signup_at < ${asOfTs}
) AS k
LEFT JOIN ${table(FEATURE_PARTS.items)} AS it ON it.customer_id = k.customer_id
LEFT JOIN ${table(FEATURE_PARTS.events)} AS ev ON ev.customer_id = k.customer_id
LEFT JOIN ${table(FEATURE_PARTS.feedback)} AS fb ON fb.customer_id = k.customer_id`
}
