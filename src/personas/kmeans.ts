import { Prng } from '../demo/prng.js'

/**
 * k-means on a dense row-major matrix (n rows × dim columns in one Float64Array): k-means++ seeding from a
 * seeded generator, Lloyd iterations, the best of several restarts by within-cluster sum of squares.
 * Pure and deterministic: the same data, k and seed give the same clusters on every machine.
 */
export interface KMeansOptions {
  readonly seed: number
  readonly restarts?: number
  readonly maxIterations?: number
  /** Stop when fewer than this share of rows change cluster in an iteration. */
  readonly tolerance?: number
  /** Start from these centroids instead of seeding (k × dim); restarts are then pointless. */
  readonly initial?: Float64Array
}

export interface KMeansResult {
  readonly k: number
  readonly dim: number
  readonly centroids: Float64Array
  readonly labels: Int32Array
  readonly sizes: Int32Array
  /** Within-cluster sum of squared distances. */
  readonly inertia: number
  readonly iterations: number
}

/** Squared Euclidean distance between row `i` of `a` and row `j` of `b`. */
function dist2(a: Float64Array, i: number, b: Float64Array, j: number, dim: number): number {
  let s = 0
  const ai = i * dim
  const bj = j * dim
  for (let f = 0; f < dim; f++) {
    const diff = a[ai + f]! - b[bj + f]!
    s += diff * diff
  }
  return s
}

/** k-means++: each new centre drawn with probability proportional to the squared distance to the nearest. */
export function seedCentroids(
  data: Float64Array,
  n: number,
  dim: number,
  k: number,
  rng: Prng,
): Float64Array {
  const centroids = new Float64Array(k * dim)
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY)
  let pick = Math.floor(rng.next() * n)
  for (let c = 0; c < k; c++) {
    centroids.set(data.subarray(pick * dim, pick * dim + dim), c * dim)
    if (c === k - 1) break
    let total = 0
    for (let i = 0; i < n; i++) {
      const d = dist2(data, i, centroids, c, dim)
      if (d < nearest[i]!) nearest[i] = d
      total += nearest[i]!
    }
    if (total === 0) {
      // Fewer distinct points than k: any row will do, the duplicate centre stays empty.
      pick = Math.floor(rng.next() * n)
      continue
    }
    let target = rng.next() * total
    pick = n - 1
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!
      if (target <= 0) {
        pick = i
        break
      }
    }
  }
  return centroids
}

/** Assigns every row to its nearest centroid; returns the number of rows that moved and the inertia. */
function assign(
  data: Float64Array,
  n: number,
  dim: number,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
): { moved: number; inertia: number } {
  let moved = 0
  let inertia = 0
  for (let i = 0; i < n; i++) {
    let best = 0
    let bestD = Number.POSITIVE_INFINITY
    for (let c = 0; c < k; c++) {
      const d = dist2(data, i, centroids, c, dim)
      if (d < bestD) {
        bestD = d
        best = c
      }
    }
    if (labels[i] !== best) {
      labels[i] = best
      moved++
    }
    inertia += bestD
  }
  return { moved, inertia }
}

/** Moves each centroid to the mean of its rows; an emptied cluster takes the row farthest from its centre. */
function update(
  data: Float64Array,
  n: number,
  dim: number,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
  sizes: Int32Array,
): void {
  centroids.fill(0)
  sizes.fill(0)
  for (let i = 0; i < n; i++) {
    const c = labels[i]!
    sizes[c]!++
    const ci = c * dim
    const ri = i * dim
    for (let f = 0; f < dim; f++) centroids[ci + f]! += data[ri + f]!
  }
  for (let c = 0; c < k; c++) {
    const size = sizes[c]!
    if (size > 0) {
      for (let f = 0; f < dim; f++) centroids[c * dim + f]! /= size
      continue
    }
    let far = 0
    let farD = -1
    for (let i = 0; i < n; i++) {
      const d = dist2(data, i, centroids, labels[i]!, dim)
      if (d > farD && sizes[labels[i]!]! > 1) {
        farD = d
        far = i
      }
    }
    sizes[labels[far]!]!--
    labels[far] = c
    sizes[c] = 1
    centroids.set(data.subarray(far * dim, far * dim + dim), c * dim)
  }
}

function lloyd(
  data: Float64Array,
  n: number,
  dim: number,
  k: number,
  start: Float64Array,
  maxIterations: number,
  tolerance: number,
): KMeansResult {
  const centroids = Float64Array.from(start)
  const labels = new Int32Array(n).fill(-1)
  const sizes = new Int32Array(k)
  let iterations = 0
  let inertia = 0
  for (;;) {
    const step = assign(data, n, dim, centroids, k, labels)
    inertia = step.inertia
    iterations++
    if (step.moved <= tolerance * n || iterations >= maxIterations) break
    update(data, n, dim, centroids, k, labels, sizes)
  }
  // Final centres are the means of the final assignment (what the descriptions report).
  update(data, n, dim, centroids, k, labels, sizes)
  return { k, dim, centroids, labels, sizes, inertia, iterations }
}

/**
 * Fits k clusters.
 *
 * @example
 * const fit = kmeans(z, n, dim, 4, { seed: 1 })
 */
export function kmeans(
  data: Float64Array,
  n: number,
  dim: number,
  k: number,
  options: KMeansOptions,
): KMeansResult {
  if (!(k >= 1 && k <= n)) throw new Error(`k-means: k = ${k} for ${n} rows`)
  const maxIterations = options.maxIterations ?? 100
  const tolerance = options.tolerance ?? 0
  if (options.initial) return lloyd(data, n, dim, k, options.initial, maxIterations, tolerance)
  const rng = new Prng(options.seed, k)
  let best: KMeansResult | null = null
  for (let r = 0; r < (options.restarts ?? 4); r++) {
    const fit = lloyd(data, n, dim, k, seedCentroids(data, n, dim, k, rng), maxIterations, tolerance)
    if (!best || fit.inertia < best.inertia) best = fit
  }
  return best!
}

/**
 * Mean silhouette of the first `m` rows (each compared with the other m − 1): (b − a) / max(a, b), a the
 * mean distance within its own cluster, b the smallest mean distance to another. Rows alone in their
 * cluster score 0 (the usual convention).
 */
export function silhouette(
  data: Float64Array,
  m: number,
  dim: number,
  labels: Int32Array,
  k: number,
): number {
  const sums = new Float64Array(k)
  const counts = new Int32Array(k)
  for (let i = 0; i < m; i++) counts[labels[i]!]!++
  let total = 0
  for (let i = 0; i < m; i++) {
    sums.fill(0)
    for (let j = 0; j < m; j++) if (j !== i) sums[labels[j]!]! += Math.sqrt(dist2(data, i, data, j, dim))
    const own = labels[i]!
    if (counts[own]! <= 1) continue
    const a = sums[own]! / (counts[own]! - 1)
    let b = Number.POSITIVE_INFINITY
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!)
    if (!Number.isFinite(b)) continue
    total += (b - a) / Math.max(a, b)
  }
  return m > 0 ? total / m : 0
}
