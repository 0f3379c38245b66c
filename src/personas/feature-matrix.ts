import type { Connection } from '../sql/driver.js'
import { type Fragment, ident, join, sql } from '../sql/fragment.js'

/**
 * The behaviour features clusters and lookalikes compare customers on, one row per scored customer of a
 * snapshot. Counts and money are log-scaled (log1p) so a few whales do not pull every centre; then each
 * feature is standardised (z-score over all scored customers), so a unit means "one standard deviation"
 * whatever the feature.
 */
export interface FeatureSpec {
  /** Stable name: `recency`, `night_share`, `category:母婴` … */
  readonly name: string
  /** The label key base (`personas.feature.<key>`), and the category for category shares. */
  readonly key: string
  readonly category?: string
  readonly log: boolean
  /** Shares are displayed as percentages, the rest as numbers. */
  readonly share: boolean
}

const BASE: readonly (FeatureSpec & { column: string })[] = [
  { name: 'recency', key: 'recency', column: 'recency_days', log: true, share: false },
  { name: 'frequency', key: 'frequency', column: 'frequency', log: true, share: false },
  { name: 'monetary', key: 'monetary', column: 'monetary', log: true, share: false },
  { name: 'aov', key: 'aov', column: 'aov', log: true, share: false },
  { name: 'tenure', key: 'tenure', column: 'tenure_days', log: true, share: false },
  { name: 'discount_share', key: 'discount_share', column: 'discount_share', log: false, share: true },
  { name: 'weekend_share', key: 'weekend_share', column: 'weekend_share', log: false, share: true },
  { name: 'night_share', key: 'night_share', column: 'night_share', log: false, share: true },
  { name: 'online_share', key: 'online_share', column: 'online_share', log: false, share: true },
  { name: 'store_share', key: 'store_share', column: 'store_share', log: false, share: true },
  { name: 'community_share', key: 'community_share', column: 'community_share', log: false, share: true },
]

/** How many of the most common categories get a share feature of their own. */
export const CATEGORY_FEATURES = 6

export interface FeatureMatrix {
  readonly snapshotId: string
  readonly specs: readonly FeatureSpec[]
  readonly n: number
  readonly dim: number
  readonly ids: readonly string[]
  /** Values as read (shares 0..1, days, money), row-major; for descriptions in the customer's units. */
  readonly raw: Float32Array
  /** Standardised (log-scaled first where `log`), row-major. */
  readonly z: Float64Array
  /** Mean and standard deviation of the (log-scaled) features over all rows. */
  readonly mean: Float64Array
  readonly std: Float64Array
}

/** The categories that are most often among customers' top three, most common first (ties by name). */
async function commonCategories(conn: Connection, snapshotId: string): Promise<string[]> {
  const rows = await conn.all<{ category: string }>(sql`
    SELECT category FROM (
      SELECT top_category AS category FROM customer_scores WHERE snapshot_id = ${snapshotId} AND frequency > 0
      UNION ALL SELECT top_category_2 FROM customer_scores WHERE snapshot_id = ${snapshotId} AND frequency > 0
      UNION ALL SELECT top_category_3 FROM customer_scores WHERE snapshot_id = ${snapshotId} AND frequency > 0
    ) AS c WHERE category IS NOT NULL AND category <> ''
    GROUP BY category ORDER BY count(*) DESC, category LIMIT ${CATEGORY_FEATURES}`)
  return rows.map((r) => r.category)
}

function categoryShareColumn(category: string, alias: string): Fragment {
  const parts = ['', '_2', '_3'].map(
    (rank) =>
      sql`CASE WHEN ${ident('s', `top_category${rank}`)} = ${category} THEN coalesce(${ident('s', `top_category${rank}_share`)}, 0) ELSE 0 END`,
  )
  return sql`(${join(parts, ' + ')}) AS ${ident(alias)}`
}

/**
 * Reads the matrix for a snapshot's scored customers, ordered by customer id (so row order, and with it
 * every seeded draw, is the same on every engine).
 *
 * @example
 * const m = await loadFeatureMatrix(conn, '3')
 */
export async function loadFeatureMatrix(conn: Connection, snapshotId: string): Promise<FeatureMatrix> {
  const categories = await commonCategories(conn, snapshotId)
  const specs: FeatureSpec[] = [
    ...BASE.map(({ column: _c, ...spec }) => spec),
    ...categories.map((category) => ({
      name: `category:${category}`,
      key: 'category',
      category,
      log: false,
      share: true,
    })),
  ]
  // Doubles, not DECIMAL money: the driver turns decimals into text and back, which doubled the read time.
  const d = conn.dialect
  const columns = [
    ...BASE.map((b, i) => sql`${d.toDouble(sql`${ident('s', b.column)}`)} AS ${ident(`f${i}`)}`),
    ...categories.map((c, i) => categoryShareColumn(c, `f${BASE.length + i}`)),
  ]
  // Numbered once in id order, then read in slices: a million row objects at once cost ~1 GB of heap;
  // a slice at a time is freed as soon as it is copied into the typed arrays.
  const scratch = 'strata_feature_rows'
  await conn.run(sql`${d.replaceTempTable(scratch)} AS
    SELECT row_number() OVER (ORDER BY s.customer_id) AS rn, s.customer_id, ${join(columns)}
    FROM customer_scores AS s WHERE s.snapshot_id = ${snapshotId} AND s.frequency > 0`)
  try {
    const count = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(scratch)}`)
    const n = Number(count?.n ?? 0)
    const dim = specs.length
    const ids = new Array<string>(n)
    const raw = new Float32Array(n * dim)
    const z = new Float64Array(n * dim)
    const keys = specs.map((_, f) => `f${f}`)
    for (let from = 0; from < n; from += SLICE) {
      const rows = await conn.all<Record<string, number | string | null>>(sql`
        SELECT * FROM ${ident(scratch)} WHERE rn > ${from} AND rn <= ${from + SLICE} ORDER BY rn`)
      for (const row of rows) {
        const i = Number(row['rn']) - 1
        ids[i] = String(row['customer_id'])
        for (let f = 0; f < dim; f++) {
          const v = Number(row[keys[f]!] ?? 0)
          const value = Number.isFinite(v) ? v : 0
          raw[i * dim + f] = value
          z[i * dim + f] = specs[f]!.log ? Math.log1p(Math.max(0, value)) : value
        }
      }
    }
    const { mean, std } = standardise(z, n, dim)
    return { snapshotId, specs, n, dim, ids, raw, z, mean, std }
  } finally {
    await conn.run(sql`DROP TABLE IF EXISTS ${ident(scratch)}`)
  }
}

/** Rows read per round trip when loading the matrix. */
const SLICE = 100_000

/** Standardises columns in place; a constant column becomes all zeros (its std is reported as 1). */
export function standardise(
  data: Float64Array,
  n: number,
  dim: number,
): { mean: Float64Array; std: Float64Array } {
  const mean = new Float64Array(dim)
  const std = new Float64Array(dim)
  for (let i = 0; i < n; i++) for (let f = 0; f < dim; f++) mean[f]! += data[i * dim + f]!
  for (let f = 0; f < dim; f++) mean[f]! /= Math.max(1, n)
  for (let i = 0; i < n; i++)
    for (let f = 0; f < dim; f++) {
      const d = data[i * dim + f]! - mean[f]!
      std[f]! += d * d
    }
  for (let f = 0; f < dim; f++) {
    const s = Math.sqrt(std[f]! / Math.max(1, n))
    std[f] = s > 1e-12 ? s : 1
  }
  for (let i = 0; i < n; i++)
    for (let f = 0; f < dim; f++) data[i * dim + f] = (data[i * dim + f]! - mean[f]!) / std[f]!
  return { mean, std }
}
