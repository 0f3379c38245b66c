import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { generateDemo } from '../../src/demo/index.js'
import { findLookalikes, refreshTags, runClusters, saveStaticSegment } from '../../src/personas/index.js'
import { join, sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'

/**
 * The demo plants behaviours (src/demo/personas.ts) and keeps each customer's persona in
 * `attributes.demo_persona` as ground truth. Tags, clusters and lookalikes never read it; this test does,
 * to check they find what was planted.
 */
const CUSTOMERS = 3000
const AS_OF = '2026-06-30'
const NOW = '2026-07-01 08:00:00'
const persona = sql`json_extract_string(c.attributes, '$.demo_persona')`

describe('planted demo behaviours are recovered', () => {
  let store: Store
  beforeAll(async () => {
    store = await openStore(':memory:')
    await generateDemo(store.conn, { customers: CUSTOMERS, seed: 42, asOf: AS_OF })
    await analyze(store.conn, { createdAt: NOW })
    await refreshTags(store.conn, { now: NOW })
  }, 60_000)
  afterAll(() => store.close())

  /** Share of a planted persona's buyers that carry a tag. */
  async function recall(planted: string, tag: string): Promise<number> {
    const row = await store.conn.one<{ share: number }>(sql`
      SELECT avg(CASE WHEN t.customer_id IS NULL THEN 0.0 ELSE 1.0 END) AS share
      FROM customers AS c
      JOIN customer_scores AS s ON s.customer_id = c.customer_id AND s.snapshot_id = '1' AND s.frequency > 0
      LEFT JOIN (SELECT DISTINCT customer_id FROM customer_tags WHERE tag = ${tag}) AS t ON t.customer_id = c.customer_id
      WHERE ${persona} = ${planted}`)
    return Number(row?.share)
  }

  /** Share of the customers carrying a tag that were planted with that persona. */
  async function precision(planted: readonly string[], tag: string): Promise<number> {
    const row = await store.conn.one<{ share: number }>(sql`
      SELECT avg(CASE WHEN ${persona} IN (${join(planted.map((p) => sql`${p}`))}) THEN 1.0 ELSE 0.0 END) AS share
      FROM customer_tags AS t JOIN customers AS c ON c.customer_id = t.customer_id WHERE t.tag = ${tag}`)
    return Number(row?.share)
  }

  it.each([
    ['price_hunter', 'price-sensitive', 0.8],
    ['night_owl', 'night-owl', 0.8],
    ['weekend', 'weekend-shopper', 0.8],
    ['community', 'community-regular', 0.8],
    ['new_parent', 'new-parent', 0.8],
    ['appliance', 'high-aov', 0.7],
    ['lapsed_vip', 'lapsed-vip', 0.7],
  ])('≥ %#: planted %s carry %s', async (planted, tag, min) => {
    expect(await recall(planted, tag)).toBeGreaterThanOrEqual(min)
  })

  it('behaviour tags are mostly the planted people (precision)', async () => {
    expect(await precision(['price_hunter'], 'price-sensitive')).toBeGreaterThanOrEqual(0.7)
    expect(await precision(['night_owl'], 'night-owl')).toBeGreaterThanOrEqual(0.7)
    // Weekends are 2 days in 7: ordinary customers with three or four orders reach 60% by chance, so this
    // tag is about what a customer did, not a planted habit — about half its carriers are planted.
    expect(await precision(['weekend'], 'weekend-shopper')).toBeGreaterThanOrEqual(0.4)
    expect(await precision(['community', 'community_leader'], 'community-regular')).toBeGreaterThanOrEqual(
      0.9,
    )
  })

  it('clusters separate planted groups: community and night owls each land in one cluster', async () => {
    const run = await runClusters(store.conn, { seed: 1, now: NOW })
    expect(run.k).toBeGreaterThanOrEqual(2)
    expect(run.kScores.find((s) => s.k === run.k)!.silhouette).toBe(
      Math.max(...run.kScores.map((s) => s.silhouette)),
    )
    const rows = await store.conn.all<{
      planted: string
      cluster: number
      n: number
      size: number
      total: number
    }>(sql`
      SELECT p.planted, p.cluster, p.n, z.size, t.total FROM (
        SELECT ${persona} AS planted, m.cluster, count(*) AS n
        FROM cluster_members AS m JOIN customers AS c ON c.customer_id = m.customer_id GROUP BY 1, 2
      ) AS p
      JOIN (SELECT cluster, count(*) AS size FROM cluster_members GROUP BY cluster) AS z ON z.cluster = p.cluster
      JOIN (SELECT ${persona} AS planted, count(*) AS total FROM cluster_members AS m
            JOIN customers AS c ON c.customer_id = m.customer_id GROUP BY 1) AS t ON t.planted = p.planted`)
    /** The cluster holding most of the planted groups; recall within the groups, purity within the cluster. */
    const best = (...planted: string[]) => {
      const byCluster = new Map<number, number>()
      for (const r of rows.filter((x) => planted.includes(x.planted)))
        byCluster.set(Number(r.cluster), (byCluster.get(Number(r.cluster)) ?? 0) + Number(r.n))
      const [cluster, n] = [...byCluster].sort((a, b) => b[1] - a[1])[0]!
      const total = [...byCluster.values()].reduce((a, b) => a + b, 0)
      const size = Number(rows.find((x) => Number(x.cluster) === cluster)!.size)
      return { cluster, recall: n / total, purity: n / size }
    }
    const community = best('community', 'community_leader')
    expect(community.recall).toBeGreaterThanOrEqual(0.8)
    expect(community.purity).toBeGreaterThanOrEqual(0.85)
    const night = best('night_owl')
    expect(night.recall).toBeGreaterThanOrEqual(0.8)
    expect(night.purity).toBeGreaterThanOrEqual(0.4)
    expect(night.cluster).not.toBe(community.cluster)
    // the night-owl cluster is named by its night share, in three languages
    const named = run.clusters.find((c) => c.cluster === night.cluster)!
    expect(named.name.en).toContain('night owls')
    expect(named.name['zh-CN']).toContain('夜间下单')
    expect(named.name['zh-TW']).toContain('夜間下單')
  }, 60_000)

  it('lookalikes of half the planted night owls are mostly the other half', async () => {
    const planted = sql`SELECT c.customer_id FROM customers AS c WHERE ${persona} = 'night_owl'`
    const seed = await saveStaticSegment(store.conn, {
      name: 'seed night owls',
      description: 'every other planted night owl',
      members: sql`SELECT customer_id FROM (${planted}) AS p WHERE right(customer_id, 1) IN ('0', '2', '4', '6', '8')`,
      now: NOW,
    })
    const rest = await store.conn.one<{ n: number }>(sql`
      SELECT count(*) AS n FROM (${planted}) AS p JOIN customer_scores AS s ON s.customer_id = p.customer_id
      WHERE s.snapshot_id = '1' AND s.frequency > 0 AND right(p.customer_id, 1) NOT IN ('0', '2', '4', '6', '8')`)
    const limit = Number(rest?.n)
    const result = await findLookalikes(store.conn, { kind: 'segment', value: seed.segmentId }, { limit })
    expect(result.lookalikes).toHaveLength(limit)
    const ids = result.lookalikes.map((l) => l.customerId)
    const hits = await store.conn.one<{ n: number }>(sql`
      SELECT count(*) AS n FROM (${planted}) AS p WHERE list_contains(string_split(${ids.join(',')}, ','), p.customer_id)`)
    expect(Number(hits?.n) / limit).toBeGreaterThanOrEqual(0.6)
    // nobody from the seed comes back, and the night share explains the matches
    const seedIds = new Set(
      (
        await store.conn.all<{ customer_id: string }>(
          sql`SELECT customer_id FROM segment_members WHERE segment_id = ${seed.segmentId}`,
        )
      ).map((r) => r.customer_id),
    )
    expect(ids.some((id) => seedIds.has(id))).toBe(false)
    expect(result.profile.reduce((a, b) => (b.weight > a.weight ? b : a)).feature).toBe('night_share')
    expect(result.lookalikes[0]!.reasons[0]!.feature).toBe('night_share')
    expect(
      result.lookalikes.every((l, i) => i === 0 || l.similarity <= result.lookalikes[i - 1]!.similarity),
    ).toBe(true)
  }, 60_000)
})
