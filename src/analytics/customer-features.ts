import type { Dialect } from '../sql/dialect.js'
import { type Fragment, ident, join, sql } from '../sql/fragment.js'
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
  intervals: 'strata_stage_f_intervals',
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
  return [
    ordersPart(d, input),
    intervalsPart(d, input),
    itemsPart(d, input),
    eventsPart(d, input),
    feedbackPart(d, input),
  ]
}

function ordersPart(d: Dialect, { asOf, windowStart, config }: FeatureQueryInput): Fragment {
  const ch = config.channels
  const channel = sql`CASE WHEN ${inList(sql`o.channel`, ch.community)} OR o.community_id IS NOT NULL THEN 3
      WHEN ${inList(sql`o.channel`, ch.store)} OR (o.channel IS NULL AND o.store_id IS NOT NULL) THEN 2
      WHEN ${inList(sql`o.channel`, ch.online)} THEN 1 ELSE 0 END`
  const hour = d.hourOf(sql`o.ordered_at`)
  const flag = (condition: Fragment) => sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`
  const purchasesWhere = (condition: Fragment) => sql`sum(CASE WHEN ${condition} THEN p ELSE 0 END)`
  // Each order's flags are computed once in the inner SELECT; the aggregates only add small integers.
  return sql`CREATE OR REPLACE TEMP TABLE ${table(FEATURE_PARTS.orders)} AS
  SELECT customer_id,
    min(CASE WHEN p = 1 THEN ordered_at END) AS first_order_at,
    max(CASE WHEN p = 1 THEN ordered_at END) AS last_order_at,
    sum(p) AS purchases,
    ${d.toMoney(sql`sum(CASE WHEN p = 1 THEN amount ELSE 0 END)`)} AS purchase_value,
    ${d.toMoney(sql`sum(net)`)} AS net_spend,
    sum(refund) AS refund_count,
    ${purchasesWhere(sql`discounted = 1`)} AS discounted,
    ${purchasesWhere(sql`channel_group = 1`)} AS online,
    ${purchasesWhere(sql`channel_group = 2`)} AS in_store,
    ${purchasesWhere(sql`channel_group = 3`)} AS community,
    ${purchasesWhere(sql`weekend = 1`)} AS weekend,
    ${purchasesWhere(sql`night = 1`)} AS night
  FROM (
    SELECT o.customer_id, o.ordered_at, o.amount, ${NET_CONTRIBUTION} AS net,
      ${flag(IS_PURCHASE)} AS p, ${flag(IS_REFUND)} AS refund, ${flag(IS_DISCOUNTED)} AS discounted,
      ${channel} AS channel_group,
      ${flag(sql`${d.isoDayOfWeek(sql`o.ordered_at`)} >= 6`)} AS weekend,
      ${flag(sql`${hour} >= 22 OR ${hour} < 6`)} AS night
    FROM orders AS o
    WHERE o.customer_id IS NOT NULL AND ${inWindow(d, asOf, windowStart)}
  ) AS per_order
  GROUP BY customer_id`
}

/** Days between consecutive purchase days; same-day purchases give a 0 gap, which is dropped. */
function intervalsPart(d: Dialect, { asOf, windowStart }: FeatureQueryInput): Fragment {
  const day = d.dateOf(sql`o.ordered_at`)
  return sql`CREATE OR REPLACE TEMP TABLE ${table(FEATURE_PARTS.intervals)} AS
  SELECT customer_id, avg(gap) AS mean_interval_days, ${d.median(sql`gap`)} AS median_interval_days
  FROM (
    SELECT o.customer_id,
      ${d.daysBetween(sql`lag(${day}) OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at)`, day)} AS gap
    FROM orders AS o
    WHERE o.customer_id IS NOT NULL AND ${inWindow(d, asOf, windowStart)} AND ${IS_PURCHASE}
  ) AS gaps
  WHERE gap > 0
  GROUP BY customer_id`
}

/**
 * Spend per category and per brand in one pass (GROUPING SETS), then the top three of each with their
 * shares of the customer's item spend. Stored as separate low-cardinality columns, not a JSON list:
 * they compress to almost nothing, where a per-customer JSON text costs a third of the snapshot write.
 */
function itemsPart(d: Dialect, { asOf, windowStart, config }: FeatureQueryInput): Fragment {
  const days = config.features.preferenceDays
  const since = days > 0 ? addDaysIso(asOf, -days) : null
  const from = since !== null && (windowStart === null || since > windowStart) ? since : windowStart
  return sql`CREATE OR REPLACE TEMP TABLE ${table(FEATURE_PARTS.items)} AS
  WITH spend AS (
    SELECT o.customer_id, GROUPING(it.category) AS by_brand,
      CASE WHEN GROUPING(it.category) = 1 THEN it.brand ELSE it.category END AS name,
      sum(coalesce(it.quantity, 1) * coalesce(it.unit_price, 0)) AS spend
    FROM order_items AS it
    JOIN orders AS o ON o.source = it.source AND o.order_id = it.order_id
    WHERE o.customer_id IS NOT NULL AND ${inWindow(d, asOf, from)} AND ${IS_PURCHASE}
    GROUP BY GROUPING SETS ((o.customer_id, it.category), (o.customer_id, it.brand))
  ), top AS (
    SELECT customer_id, by_brand, ${d.topShares(sql`name`, sql`spend`, TOP_N)} AS top_list,
      ${d.toDouble(sql`max(spend)`)} / ${d.toDouble(sql`sum(spend)`)} AS top_share
    FROM spend WHERE name IS NOT NULL AND name <> '' AND spend > 0
    GROUP BY customer_id, by_brand
  )
  SELECT customer_id, by_brand, top_share,
    ${join([0, 1, 2].map((i) => sql`${d.jsonArrayItemText(sql`top_list`, i, 'name')} AS ${ident(`name_${i + 1}`)}`))},
    ${join([1, 2].map((i) => sql`${d.toDouble(d.jsonArrayItemText(sql`top_list`, i, 'share'))} AS ${ident(`share_${i + 1}`)}`))}
  FROM top`
}

function eventsPart(d: Dialect, { asOf, config }: FeatureQueryInput): Fragment {
  const counts = EVENT_DAYS.flatMap((days) => {
    const since = sql`e.occurred_at >= ${d.timestampLiteral(`${addDaysIso(asOf, -days)} 00:00:00`)}`
    return (['view', 'search', 'cart'] as const).map((kind) => {
      const column = `${kind === 'search' ? 'searches' : `${kind}s`}_${days}d`
      return sql`${d.countIf(sql`${inList(sql`e.type`, config.events[kind])} AND ${since}`)} AS ${ident(column)}`
    })
  })
  return sql`CREATE OR REPLACE TEMP TABLE ${table(FEATURE_PARTS.events)} AS
  SELECT e.customer_id, ${join(counts)}
  FROM events AS e
  WHERE e.customer_id IS NOT NULL AND e.occurred_at < ${d.timestampLiteral(`${asOf} 00:00:00`)}
    AND e.occurred_at >= ${d.timestampLiteral(`${addDaysIso(asOf, -90)} 00:00:00`)}
  GROUP BY e.customer_id`
}

function feedbackPart(d: Dialect, { asOf }: FeatureQueryInput): Fragment {
  // A NULL ordering value is skipped by argMax, so each picks the latest answer that has that field.
  return sql`CREATE OR REPLACE TEMP TABLE ${table(FEATURE_PARTS.feedback)} AS
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
  return sql`SELECT k.customer_id,
  ord.first_order_at, ord.last_order_at,
  ${d.daysBetween(d.dateOf(sql`ord.first_order_at`), asOfDay)} AS tenure_days,
  coalesce(ord.net_spend, 0) AS net_spend,
  coalesce(ord.purchase_value, 0) AS purchase_value,
  ${d.toMoney(sql`ord.purchase_value / nullif(ord.purchases, 0)`)} AS aov,
  iv.mean_interval_days, iv.median_interval_days,
  coalesce(ord.refund_count, 0) AS refund_count,
  ${share(sql`ord.refund_count`, sql`ord.purchases + ord.refund_count`)} AS refund_share,
  ${share(sql`ord.discounted`, sql`ord.purchases`)} AS discount_share,
  cat.name_1 AS top_category, cat.top_share AS top_category_share,
  cat.name_2 AS top_category_2, cat.share_2 AS top_category_2_share,
  cat.name_3 AS top_category_3, cat.share_3 AS top_category_3_share,
  br.name_1 AS top_brand, br.top_share AS top_brand_share,
  br.name_2 AS top_brand_2, br.share_2 AS top_brand_2_share,
  br.name_3 AS top_brand_3, br.share_3 AS top_brand_3_share,
  ${share(sql`ord.online`, sql`ord.purchases`)} AS online_share,
  ${share(sql`ord.in_store`, sql`ord.purchases`)} AS store_share,
  ${share(sql`ord.community`, sql`ord.purchases`)} AS community_share,
  ${share(sql`ord.weekend`, sql`ord.purchases`)} AS weekend_share,
  ${share(sql`ord.night`, sql`ord.purchases`)} AS night_share,
  ${join(eventColumns)},
  fb.latest_nps, fb.latest_satisfaction,
  ${d.wholeYearsBetween(sql`c.birth_date`, asOfDay)} AS age,
  c.gender, c.city, c.region, ${d.jsonText(sql`c.attributes`, 'city_tier')} AS city_tier
FROM (
  SELECT c.customer_id FROM customers AS c WHERE c.signup_at IS NULL OR c.signup_at < ${asOfTs}
  UNION
  SELECT customer_id FROM ${table(FEATURE_PARTS.orders)}
) AS k
LEFT JOIN ${table(FEATURE_PARTS.orders)} AS ord ON ord.customer_id = k.customer_id
LEFT JOIN ${table(FEATURE_PARTS.intervals)} AS iv ON iv.customer_id = k.customer_id
LEFT JOIN ${table(FEATURE_PARTS.items)} AS cat ON cat.customer_id = k.customer_id AND cat.by_brand = 0
LEFT JOIN ${table(FEATURE_PARTS.items)} AS br ON br.customer_id = k.customer_id AND br.by_brand = 1
LEFT JOIN ${table(FEATURE_PARTS.events)} AS ev ON ev.customer_id = k.customer_id
LEFT JOIN ${table(FEATURE_PARTS.feedback)} AS fb ON fb.customer_id = k.customer_id
LEFT JOIN customers AS c ON c.customer_id = k.customer_id`
}
