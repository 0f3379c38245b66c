import { findSnapshot } from '../analytics/snapshot-lookup.js'
import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { ident, raw, sql } from '../sql/fragment.js'
import type { CompileDefinition } from './definition-compiler.js'
import { type FeatureSpec, loadFeatureMatrix } from './feature-matrix.js'
import { type GroupRef, resolveGroup } from './group-ref.js'
import { saveStaticSegment } from './static-segment.js'

/** A feature on which a lookalike resembles the seed where the seed stands out from everyone. */
export interface LookalikeReason {
  readonly feature: string
  readonly key: string
  readonly category?: string
  readonly share: boolean
  readonly value: number
  readonly seedMean: number
  readonly overallMean: number
}

export interface Lookalike {
  readonly customerId: string
  /** 1 / (1 + weighted RMS distance to the seed centre, in standard deviations): 1 = at the centre. */
  readonly similarity: number
  readonly reasons: readonly LookalikeReason[]
}

export interface LookalikeResult {
  readonly snapshotId: string
  readonly seedLabel: string
  /** Seed customers with features (scored in the snapshot). */
  readonly seedSize: number
  /** Per feature: the seed's mean in standard deviations from everyone's, and the weight it gets. */
  readonly profile: readonly { feature: string; key: string; category?: string; z: number; weight: number }[]
  readonly lookalikes: readonly Lookalike[]
}

export interface LookalikeOptions {
  readonly snapshot?: string
  readonly limit?: number
  readonly compile?: CompileDefinition
}

/** How far (in sd) the seed must stand from everyone on a feature for it to explain a match. */
const DISTINCT = 0.5
/** Added to each feature's seed variance so a feature the seed never varies on cannot take all weight. */
const RIDGE = 0.25
/** Every feature keeps a little weight, so lookalikes also resemble the seed where it is ordinary. */
const BASE_WEIGHT = 0.05

/**
 * The customers most like a seed group who are not in it. Everyone is placed in the standardised
 * behaviour space the clusters use; the seed's centre is its mean; distance is Euclidean with each
 * feature weighted by how well it separates the seed from everyone — (centre² + 0.05) / (seed variance
 * + 0.25), a Fisher-like score — so what makes the seed special, and what its members agree on, counts most.
 * Each lookalike is explained by the seed's distinctive features (|z| ≥ 0.5), heaviest first, on which
 * it is at least halfway from the average towards the seed's centre.
 *
 * @example
 * const r = await findLookalikes(conn, { kind: 'segment', value: 'VIP' }, { limit: 500 })
 */
export async function findLookalikes(
  conn: Connection,
  seed: GroupRef,
  options: LookalikeOptions = {},
): Promise<LookalikeResult> {
  const snap = await findSnapshot(conn, options.snapshot)
  const group = await resolveGroup(conn, seed, snap, options.compile)
  const seedIds = new Set(
    (await conn.all<{ customer_id: string }>(group.query)).map((r) => String(r.customer_id)),
  )
  const m = await loadFeatureMatrix(conn, snap.snapshotId)
  const { n, dim, z } = m
  const inSeed = new Uint8Array(n)
  let seedSize = 0
  for (let i = 0; i < n; i++)
    if (seedIds.has(m.ids[i]!)) {
      inSeed[i] = 1
      seedSize++
    }
  if (seedSize === 0)
    throw new StrataError(
      { code: 'personas.persona.empty', params: { snapshot: snap.snapshotId } },
      EXIT.DATA,
    )

  const centre = new Float64Array(dim)
  const variance = new Float64Array(dim)
  const rawSeed = new Float64Array(dim)
  const rawAll = new Float64Array(dim)
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < dim; f++) rawAll[f]! += m.raw[i * dim + f]!
    if (!inSeed[i]) continue
    for (let f = 0; f < dim; f++) {
      centre[f]! += z[i * dim + f]!
      rawSeed[f]! += m.raw[i * dim + f]!
    }
  }
  for (let f = 0; f < dim; f++) {
    centre[f]! /= seedSize
    rawSeed[f]! /= seedSize
    rawAll[f]! /= n
  }
  for (let i = 0; i < n; i++) {
    if (!inSeed[i]) continue
    for (let f = 0; f < dim; f++) variance[f]! += (z[i * dim + f]! - centre[f]!) ** 2
  }
  const weight = new Float64Array(dim)
  let weightSum = 0
  for (let f = 0; f < dim; f++) {
    weight[f] = (centre[f]! ** 2 + BASE_WEIGHT) / (variance[f]! / seedSize + RIDGE)
    weightSum += weight[f]!
  }

  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY)
  for (let i = 0; i < n; i++) {
    if (inSeed[i]) continue
    let s = 0
    for (let f = 0; f < dim; f++) s += weight[f]! * (z[i * dim + f]! - centre[f]!) ** 2
    distance[i] = Math.sqrt(s / weightSum)
  }
  // The limit-th smallest distance by a numeric sort of a copy (fast on typed arrays), then only the rows
  // within it are ranked; ties by customer id (the matrix is in id order), so the ranking is stable.
  const limit = Math.max(0, Math.min(options.limit ?? 100, n - seedSize))
  const cutoff = limit === 0 ? Number.NEGATIVE_INFINITY : Float64Array.from(distance).sort()[limit - 1]!
  const within: number[] = []
  for (let i = 0; i < n; i++) if (!inSeed[i] && distance[i]! <= cutoff) within.push(i)
  const ranked = within.sort((a, b) => distance[a]! - distance[b]! || a - b).slice(0, limit)
  const distinctive = Array.from({ length: dim }, (_, f) => f)
    .filter((f) => Math.abs(centre[f]!) >= DISTINCT)
    .sort((a, b) => weight[b]! - weight[a]! || a - b)
  const reasonOf = (spec: FeatureSpec, i: number, f: number): LookalikeReason => ({
    feature: spec.name,
    key: spec.key,
    ...(spec.category ? { category: spec.category } : {}),
    share: spec.share,
    value: m.raw[i * dim + f]!,
    seedMean: rawSeed[f]!,
    overallMean: rawAll[f]!,
  })
  return {
    snapshotId: snap.snapshotId,
    seedLabel: group.label,
    seedSize,
    profile: m.specs.map((s, f) => ({
      feature: s.name,
      key: s.key,
      ...(s.category ? { category: s.category } : {}),
      z: centre[f]!,
      weight: weight[f]! / weightSum,
    })),
    lookalikes: ranked.map((i) => ({
      customerId: m.ids[i]!,
      similarity: 1 / (1 + distance[i]!),
      reasons: distinctive
        .filter((f) => Math.sign(centre[f]!) * z[i * dim + f]! >= Math.abs(centre[f]!) / 2)
        .slice(0, 3)
        .map((f) => reasonOf(m.specs[f]!, i, f)),
    })),
  }
}

/** Saves lookalikes as a static segment (through a scratch table: the list can be long). */
export async function saveLookalikes(
  conn: Connection,
  result: LookalikeResult,
  input: { name: string; now: string },
): Promise<{ segmentId: string; members: number }> {
  const d = conn.dialect
  const scratch = 'strata_lookalike_members'
  await conn.run(sql`${d.replaceTempTable(scratch)} (customer_id ${raw(d.columnType('text'))})`)
  await conn.append(
    scratch,
    ['customer_id'],
    result.lookalikes.map((l) => [l.customerId] as const),
  )
  try {
    return await saveStaticSegment(conn, {
      name: input.name,
      description: `lookalikes of ${result.seedLabel} (snapshot ${result.snapshotId}, ${result.lookalikes.length})`,
      members: sql`SELECT DISTINCT customer_id FROM ${ident(scratch)}`,
      now: input.now,
      snapshotId: result.snapshotId,
    })
  } finally {
    await conn.run(sql`DROP TABLE IF EXISTS ${ident(scratch)}`)
  }
}
