import { findSnapshot } from '../analytics/snapshot-lookup.js'
import { EXIT, StrataError } from '../core/diagnostics.js'
import { Prng } from '../demo/prng.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { describeGroup, type FeatureContrast } from './cluster-describe.js'
import { type FeatureMatrix, loadFeatureMatrix } from './feature-matrix.js'
import { type KMeansResult, kmeans, silhouette } from './kmeans.js'
import type { Localized } from './tag-text.js'
import './persona-tables.js'

export interface ClusterOptions {
  readonly snapshot?: string
  /** Fixed k; without it k is chosen by silhouette among `kMin..kMax`. */
  readonly k?: number
  readonly kMin?: number
  readonly kMax?: number
  readonly seed: number
  /** When the run happened (`YYYY-MM-DD HH:MM:SS`, the caller's clock). */
  readonly now: string
  /** Rows the k search and the restarts work on (a seeded sample). */
  readonly sampleSize?: number
  /** Rows of that sample the silhouette is measured on (quadratic cost). */
  readonly silhouetteSize?: number
  readonly restarts?: number
}

export interface ClusterSummary {
  /** 1 = the largest cluster. */
  readonly cluster: number
  readonly size: number
  readonly share: number
  readonly name: Localized
  readonly description: Localized
  readonly contrasts: readonly FeatureContrast[]
}

export interface ClusterRun {
  readonly runId: string
  readonly snapshotId: string
  readonly k: number
  readonly seed: number
  readonly customers: number
  readonly features: readonly string[]
  /** Silhouette of every k tried on the sample (the chosen k has the highest). */
  readonly kScores: readonly { k: number; silhouette: number }[]
  readonly clusters: readonly ClusterSummary[]
  readonly timings: Record<string, number>
}

/** Rows `indexes` of a row-major matrix, as a new matrix. */
function rowsOf(data: Float64Array, dim: number, indexes: Int32Array): Float64Array {
  const out = new Float64Array(indexes.length * dim)
  for (let i = 0; i < indexes.length; i++)
    out.set(data.subarray(indexes[i]! * dim, indexes[i]! * dim + dim), i * dim)
  return out
}

/** A seeded sample of row numbers without replacement (partial Fisher–Yates). */
export function sampleRows(n: number, size: number, rng: Prng): Int32Array {
  const all = new Int32Array(n)
  for (let i = 0; i < n; i++) all[i] = i
  const m = Math.min(n, size)
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng.next() * (n - i))
    const tmp = all[i]!
    all[i] = all[j]!
    all[j] = tmp
  }
  return all.slice(0, m)
}

/**
 * Chooses k on a sample: for each candidate, the best of several k-means++ restarts, scored by the mean
 * silhouette on the first rows of the sample. Returns every score and the centres of each fit.
 */
function searchK(
  sample: Float64Array,
  m: number,
  dim: number,
  ks: readonly number[],
  options: { seed: number; restarts: number; silhouetteSize: number },
): { scores: { k: number; silhouette: number }[]; fits: Map<number, KMeansResult> } {
  const scores: { k: number; silhouette: number }[] = []
  const fits = new Map<number, KMeansResult>()
  for (const k of ks) {
    const fit = kmeans(sample, m, dim, k, {
      seed: options.seed,
      restarts: options.restarts,
      maxIterations: 100,
    })
    fits.set(k, fit)
    const s = silhouette(sample, Math.min(m, options.silhouetteSize), dim, fit.labels, k)
    scores.push({ k, silhouette: Math.round(s * 10000) / 10000 })
  }
  return { scores, fits }
}

/** Per cluster: z-score of its mean per feature (centroid in standardised space) and raw means. */
function contrastsOf(
  m: FeatureMatrix,
  labels: Int32Array,
  k: number,
  centroids: Float64Array,
): FeatureContrast[][] {
  const sums = new Float64Array(k * m.dim)
  const overall = new Float64Array(m.dim)
  const counts = new Float64Array(k)
  for (let i = 0; i < m.n; i++) {
    const c = labels[i]!
    counts[c]!++
    for (let f = 0; f < m.dim; f++) {
      const v = m.raw[i * m.dim + f]!
      sums[c * m.dim + f]! += v
      overall[f]! += v
    }
  }
  return Array.from({ length: k }, (_, c) =>
    m.specs.map((spec, f) => ({
      feature: spec.name,
      z: centroids[c * m.dim + f]!,
      clusterMean: counts[c]! > 0 ? sums[c * m.dim + f]! / counts[c]! : 0,
      overallMean: overall[f]! / Math.max(1, m.n),
    })),
  )
}

async function nextRunId(conn: Connection): Promise<string> {
  const row = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM cluster_runs`)
  for (let n = Number(row?.n ?? 0) + 1; ; n++) {
    const taken = await conn.one(sql`SELECT 1 AS x FROM cluster_runs WHERE run_id = ${String(n)}`)
    if (!taken) return String(n)
  }
}

/**
 * Clusters a snapshot's scored customers with k-means on standardised behaviour features and stores the
 * run: k chosen by silhouette on a seeded sample (or given), the full data fitted from the sample's
 * best centres, clusters numbered by size, each named by its most distinguishing features.
 *
 * @example
 * const run = await runClusters(conn, { seed: 1, now: '2026-07-01 09:00:00' })
 */
export async function runClusters(conn: Connection, options: ClusterOptions): Promise<ClusterRun> {
  const timings: Record<string, number> = {}
  const clock = () => performance.now()
  let t0 = clock()
  const snap = await findSnapshot(conn, options.snapshot)
  const m = await loadFeatureMatrix(conn, snap.snapshotId)
  timings['load'] = clock() - t0
  const kMin = options.k ?? options.kMin ?? 2
  const kMax = options.k ?? options.kMax ?? 10
  if (!(Number.isInteger(kMin) && Number.isInteger(kMax) && kMin >= 1 && kMax >= kMin))
    throw new StrataError(
      { code: 'personas.cluster.bad_k', params: { k: options.k ?? `${kMin}..${kMax}` } },
      EXIT.USAGE,
    )
  if (m.n < Math.max(2, kMax))
    throw new StrataError({ code: 'personas.cluster.too_few', params: { n: m.n, k: kMax } }, EXIT.DATA)

  t0 = clock()
  const rng = new Prng(options.seed, 0x5eed)
  const sampleIdx = sampleRows(m.n, options.sampleSize ?? 12_000, rng)
  const sample = rowsOf(m.z, m.dim, sampleIdx)
  const ks = Array.from({ length: kMax - kMin + 1 }, (_, i) => kMin + i).filter((k) => k < sampleIdx.length)
  const search = searchK(sample, sampleIdx.length, m.dim, ks, {
    seed: options.seed,
    restarts: options.restarts ?? 3,
    silhouetteSize: options.silhouetteSize ?? 1500,
  })
  const chosen = options.k ?? search.scores.reduce((best, s) => (s.silhouette > best.silhouette ? s : best)).k
  timings['choose_k'] = clock() - t0

  t0 = clock()
  const fit = kmeans(m.z, m.n, m.dim, chosen, {
    seed: options.seed,
    initial: search.fits.get(chosen)!.centroids,
    maxIterations: 60,
    tolerance: 0.0005,
  })
  // Number clusters by size (largest = 1; ties by the fit's order) so the numbering reads the same each run.
  const order = Array.from({ length: chosen }, (_, c) => c).sort(
    (a, b) => fit.sizes[b]! - fit.sizes[a]! || a - b,
  )
  const rank = new Int32Array(chosen)
  for (const [i, c] of order.entries()) rank[c] = i
  const labels = fit.labels.map((c) => rank[c]!)
  const centroids = new Float64Array(fit.centroids.length)
  for (const [i, c] of order.entries())
    centroids.set(fit.centroids.subarray(c * m.dim, c * m.dim + m.dim), i * m.dim)
  timings['fit'] = clock() - t0

  const contrasts = contrastsOf(m, labels, chosen, centroids)
  const clusters: ClusterSummary[] = contrasts.map((cs, c) => {
    const size = fit.sizes[order[c]!]!
    return { cluster: c + 1, size, share: size / m.n, ...describeGroup(m.specs, cs), contrasts: cs }
  })

  t0 = clock()
  const runId = await storeRun(conn, {
    snap: snap.snapshotId,
    m,
    labels,
    clusters,
    chosen,
    kScores: search.scores,
    options,
  })
  timings['store'] = clock() - t0
  return {
    runId,
    snapshotId: snap.snapshotId,
    k: chosen,
    seed: options.seed,
    customers: m.n,
    features: m.specs.map((s) => s.name),
    kScores: search.scores,
    clusters,
    timings,
  }
}

async function storeRun(
  conn: Connection,
  run: {
    snap: string
    m: FeatureMatrix
    labels: Int32Array
    clusters: readonly ClusterSummary[]
    chosen: number
    kScores: readonly { k: number; silhouette: number }[]
    options: ClusterOptions
  },
): Promise<string> {
  const d = conn.dialect
  return conn.transaction(async () => {
    const runId = await nextRunId(conn)
    await conn.run(sql`INSERT INTO cluster_runs (run_id, snapshot_id, k, seed, customers, features, k_scores, created_at)
      VALUES (${runId}, ${run.snap}, ${run.chosen}, ${run.options.seed}, ${run.m.n},
        ${JSON.stringify(run.m.specs.map((s) => s.name))}, ${JSON.stringify(run.kScores)}, ${d.timestampLiteral(run.options.now)})`)
    for (const c of run.clusters) {
      const profile = { share: c.share, contrasts: c.contrasts }
      await conn.run(sql`INSERT INTO clusters (run_id, cluster, size, name, description, profile)
        VALUES (${runId}, ${c.cluster}, ${c.size}, ${JSON.stringify(c.name)}, ${JSON.stringify(c.description)}, ${JSON.stringify(profile)})`)
    }
    // Only the newest run keeps its member list; older runs keep their summaries.
    await conn.run(sql`DELETE FROM cluster_members`)
    const { ids } = run.m
    const labels = run.labels
    function* rows() {
      for (let i = 0; i < ids.length; i++) yield [runId, ids[i]!, labels[i]! + 1] as const
    }
    await conn.append('cluster_members', ['run_id', 'customer_id', 'cluster'], rows())
    return runId
  })
}
