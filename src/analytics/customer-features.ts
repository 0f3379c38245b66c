import type { Dialect } from '../sql/dialect.js'
import { type Fragment, ident, join, sql } from '../sql/fragment.js'
import type { AnalysisConfig } from './analysis-config.js'
import { addDaysIso } from './analysis-window.js'
import {
  inList,
  inWindow,
  IS_DISCOUNTED,
  IS_PURCHASE,
  IS_REFUND,
  NET_CONTRIBUTION,
} from './purchase-rules.js'

/** Name of the temp table the feature stage writes (one row per known customer). */
export const FEATURES_TABLE = 'strata_stage_features'

export interface FeatureQueryInput {
  readonly asOf: string
  readonly windowStart: string | null
  readonly config: Pick<AnalysisConfig, 'channels' | 'events'>
}

const EVENT_DAYS = [7, 30, 90] as const

/** Top 3 values of an item attribute per customer by purchase spend, with the top one and its share. */
function topOf(d: Dialect, column: 'category' | 'brand', name: string): Fragment {
  const col = ident('i', column)
  return sql`${ident(`${name}_spend`)} AS (
  SELECT i.customer_id, ${col} AS name, sum(i.spend) AS spend
  FROM items AS i WHERE ${col} IS NOT NULL AND ${col} <> ''
  GROUP BY i.customer_id, ${col}
), ${ident(`${name}_ranked`)} AS (
  SELECT s.*, row_number() OVER (PARTITION BY s.customer_id ORDER BY s.spend DESC, s.name) AS k,
    ${d.toDouble(sql`s.spend`)} / nullif(${d.toDouble(sql`sum(s.spend) OVER (PARTITION BY s.customer_id)`)}, 0) AS share
  FROM ${ident(`${name}_spend`)} AS s
), ${ident(`${name}_top`)} AS (
  SELECT customer_id,
    max(CASE WHEN k = 1 THEN name END) AS top_name,
    max(CASE WHEN k = 1 THEN share END) AS top_share,
    ${d.jsonObjectArrayAgg(
      [
        ['name', sql`name`],
        ['share', sql`round(share, 4)`],
      ],
      sql`k`,
    )} AS top_list
  FROM ${ident(`${name}_ranked`)} WHERE k <= 3
  GROUP BY customer_id
)`
}

/**
 * The feature stage as one statement (DESIGN §1 "analyse"): order behaviour, purchase intervals, item
 * preferences, recent events, latest feedback and profile attributes for every customer known at `asOf`
 * — the customers table (signed up before `asOf`) plus every customer with an order in the window.
 *
 * @example
 * await conn.run(featureStageQuery(conn.dialect, { asOf, windowStart: null, config: DEFAULT_CONFIG }))
 */
export function featureStageQuery(d: Dialect, input: FeatureQueryInput): Fragment {
  const { asOf, windowStart, config } = input
  const asOfDate = d.dateLiteral(asOf)
  const asOfTs = d.timestampLiteral(`${asOf} 00:00:00`)
  const window = inWindow(d, asOf, windowStart)
  const ch = config.channels
  const community = sql`(${inList(sql`o.channel`, ch.community)} OR o.community_id IS NOT NULL)`
  const store = sql`(NOT ${community} AND (${inList(sql`o.channel`, ch.store)} OR (o.channel IS NULL AND o.store_id IS NOT NULL)))`
  const online = sql`(NOT ${community} AND ${inList(sql`o.channel`, ch.online)})`
  const share = (n: Fragment, total: Fragment) => sql`${d.toDouble(n)} / nullif(${total}, 0)`
  const hour = d.hourOf(sql`o.ordered_at`)
  const events = EVENT_DAYS.flatMap((days) => {
    const since = sql`e.occurred_at >= ${d.timestampLiteral(`${addDaysIso(asOf, -days)} 00:00:00`)}`
    return (['view', 'search', 'cart'] as const).map((kind) => {
      const column = `${kind === 'search' ? 'searches' : `${kind}s`}_${days}d`
      return sql`${d.countIf(sql`${inList(sql`e.type`, config.events[kind])} AND ${since}`)} AS ${ident(column)}`
    })
  })
  const eventColumns = EVENT_DAYS.flatMap((days) =>
    ['views', 'searches', 'carts'].map((k) => sql`coalesce(ev.${ident(`${k}_${days}d`)}, 0) AS ${ident(`${k}_${days}d`)}`),
  )
  return sql`CREATE OR REPLACE TEMP TABLE ${ident(FEATURES_TABLE)} AS
WITH ord AS (
  SELECT o.customer_id,
    min(CASE WHEN ${IS_PURCHASE} THEN o.ordered_at END) AS first_order_at,
    max(CASE WHEN ${IS_PURCHASE} THEN o.ordered_at END) AS last_order_at,
    ${d.countIf(IS_PURCHASE)} AS purchases,
    ${d.toMoney(d.sumIf(sql`o.amount`, IS_PURCHASE))} AS purchase_value,
    ${d.toMoney(sql`sum(${NET_CONTRIBUTION})`)} AS net_spend,
    ${d.countIf(IS_REFUND)} AS refund_count,
    ${d.countIf(sql`${IS_PURCHASE} AND ${IS_DISCOUNTED}`)} AS discounted,
    ${d.countIf(sql`${IS_PURCHASE} AND ${online}`)} AS online,
    ${d.countIf(sql`${IS_PURCHASE} AND ${store}`)} AS in_store,
    ${d.countIf(sql`${IS_PURCHASE} AND ${community}`)} AS community,
    ${d.countIf(sql`${IS_PURCHASE} AND ${d.isoDayOfWeek(sql`o.ordered_at`)} >= 6`)} AS weekend,
    ${d.countIf(sql`${IS_PURCHASE} AND (${hour} >= 22 OR ${hour} < 6)`)} AS night
  FROM orders AS o
  WHERE o.customer_id IS NOT NULL AND ${window}
  GROUP BY o.customer_id
), purchase_days AS (
  SELECT DISTINCT o.customer_id, ${d.dateOf(sql`o.ordered_at`)} AS day
  FROM orders AS o
  WHERE o.customer_id IS NOT NULL AND ${window} AND ${IS_PURCHASE}
), gaps AS (
  SELECT customer_id,
    ${d.daysBetween(sql`lag(day) OVER (PARTITION BY customer_id ORDER BY day)`, sql`day`)} AS gap
  FROM purchase_days
), intervals AS (
  SELECT customer_id, avg(gap) AS mean_interval_days, ${d.median(sql`gap`)} AS median_interval_days
  FROM gaps WHERE gap IS NOT NULL
  GROUP BY customer_id
), items AS (
  SELECT o.customer_id, it.category, it.brand,
    coalesce(it.quantity, 1) * coalesce(it.unit_price, 0) AS spend
  FROM order_items AS it
  JOIN orders AS o ON o.source = it.source AND o.order_id = it.order_id
  WHERE o.customer_id IS NOT NULL AND ${window} AND ${IS_PURCHASE}
), ${topOf(d, 'category', 'category')}, ${topOf(d, 'brand', 'brand')}, ev AS (
  SELECT e.customer_id, ${join(events)}
  FROM events AS e
  WHERE e.customer_id IS NOT NULL AND e.occurred_at < ${asOfTs}
    AND e.occurred_at >= ${d.timestampLiteral(`${addDaysIso(asOf, -90)} 00:00:00`)}
  GROUP BY e.customer_id
), fb AS (
  SELECT f.customer_id,
    ${d.argMax(sql`f.nps`, sql`CASE WHEN f.nps IS NOT NULL THEN f.answered_at END`)} AS latest_nps,
    ${d.argMax(sql`f.score`, sql`CASE WHEN f.score IS NOT NULL THEN f.answered_at END`)} AS latest_satisfaction
  FROM feedback AS f
  WHERE f.customer_id IS NOT NULL AND f.answered_at < ${asOfTs}
  GROUP BY f.customer_id
), known AS (
  SELECT c.customer_id FROM customers AS c WHERE c.signup_at IS NULL OR c.signup_at < ${asOfTs}
  UNION
  SELECT customer_id FROM ord
)
SELECT k.customer_id,
  ord.first_order_at, ord.last_order_at,
  ${d.daysBetween(d.dateOf(sql`ord.first_order_at`), asOfDate)} AS tenure_days,
  coalesce(ord.net_spend, 0) AS net_spend,
  coalesce(ord.purchase_value, 0) AS purchase_value,
  ${d.toMoney(sql`ord.purchase_value / nullif(ord.purchases, 0)`)} AS aov,
  iv.mean_interval_days, iv.median_interval_days,
  coalesce(ord.refund_count, 0) AS refund_count,
  ${share(sql`ord.refund_count`, sql`ord.purchases + ord.refund_count`)} AS refund_share,
  ${share(sql`ord.discounted`, sql`ord.purchases`)} AS discount_share,
  cat.top_name AS top_category, cat.top_share AS top_category_share, cat.top_list AS top_categories,
  br.top_name AS top_brand, br.top_share AS top_brand_share, br.top_list AS top_brands,
  ${share(sql`ord.online`, sql`ord.purchases`)} AS online_share,
  ${share(sql`ord.in_store`, sql`ord.purchases`)} AS store_share,
  ${share(sql`ord.community`, sql`ord.purchases`)} AS community_share,
  ${share(sql`ord.weekend`, sql`ord.purchases`)} AS weekend_share,
  ${share(sql`ord.night`, sql`ord.purchases`)} AS night_share,
  ${join(eventColumns)},
  fb.latest_nps, fb.latest_satisfaction,
  ${d.wholeYearsBetween(sql`c.birth_date`, asOfDate)} AS age,
  c.gender, c.city, c.region, ${d.jsonText(sql`c.attributes`, 'city_tier')} AS city_tier
FROM known AS k
LEFT JOIN ord ON ord.customer_id = k.customer_id
LEFT JOIN intervals AS iv ON iv.customer_id = k.customer_id
LEFT JOIN category_top AS cat ON cat.customer_id = k.customer_id
LEFT JOIN brand_top AS br ON br.customer_id = k.customer_id
LEFT JOIN ev ON ev.customer_id = k.customer_id
LEFT JOIN fb ON fb.customer_id = k.customer_id
LEFT JOIN customers AS c ON c.customer_id = k.customer_id`
}
