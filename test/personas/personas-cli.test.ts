import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import { loadFixture } from '../analytics/fixture.js'
import { cli } from '../support/run-cli.js'
import { TAG_AS_OF, TAG_SHOP } from './tag-fixture.js'

let dir: string
let db: string
let demoDb: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strata-personas-cli-'))
  db = join(dir, 'shop.duckdb')
  const store = await openStore(db)
  await loadFixture(store.conn, TAG_SHOP)
  await store.close()
  demoDb = join(dir, 'demo.duckdb')
  expect((await cli(['demo', '--customers', '1200', '--seed', '5', '--db', demoDb])).code).toBe(0)
  expect((await cli(['analyze', '--db', demoDb, '--no-models'])).code).toBe(0)
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('strata tag', () => {
  it('before any analysis: not found (exit 4), also as JSON', async () => {
    const r = await cli(['tag', 'refresh', '--db', db])
    expect(r.code).toBe(4)
    const j = await cli(['tag', 'refresh', '--db', db, '--json'])
    expect(JSON.parse(j.out).ok).toBe(false)
  })

  it('analyze refreshes the tags; list, explain in three languages', async () => {
    const a = await cli(['analyze', '--as-of', TAG_AS_OF, '--db', db])
    expect(a.code).toBe(0)
    expect(a.out).toContain('Tags refreshed: 12 tags, 13 assignments.')
    const list = await cli(['tag', 'list', '--db', db])
    expect(list.code).toBe(0)
    expect(list.out).toMatch(/price-sensitive\s+built-in\s+1\s+Price-sensitive: at least 60% of orders/)
    const zh = await cli(['tag', 'list', '--db', db, '--lang', 'zh-CN'])
    expect(zh.out).toContain('价格敏感：至少 60% 的订单使用了折扣或优惠券')
    const tw = await cli(['tag', 'list', '--db', db, '--lang', 'zh-TW'])
    expect(tw.out).toContain('價格敏感')
    const why = await cli(['tag', 'explain', 'h1', '--db', db])
    expect(why.out).toContain('Customer h1: 3 tags (snapshot 1)')
    expect(why.out).toContain(
      'new-parent — new parent: 4 of 4 orders in the last year (100%) included baby products (母婴); threshold 50% and 3 orders.',
    )
    const json = JSON.parse((await cli(['tag', 'explain', 'v1', '--db', db, '--json'])).out)
    expect(json.tags.map((x: { tag: string }) => x.tag)).toEqual(['big-spender', 'high-aov', 'lapsed-vip'])
    expect((await cli(['tag', 'explain', 'nobody', '--db', db])).code).toBe(4)
  })

  it('user tags in the segment language, usable by other definitions and buyer personas', async () => {
    const d = await cli([
      'tag',
      'define',
      'night-regular',
      "tag = 'night-owl' AND frequency >= 3",
      '--db',
      db,
    ])
    expect(d.code).toBe(0)
    expect(d.out).toContain(
      "Tag night-regular defined as tag = 'night-owl' AND frequency >= 3: 1 customers carry it.",
    )
    const why = await cli(['tag', 'explain', 'n1', '--db', db, '--lang', 'zh-CN'])
    expect(why.out).toContain("night-regular — 符合定义：tag = 'night-owl' AND frequency >= 3")
    // survives a refresh (recomputed from its definition)
    await cli(['tag', 'refresh', '--db', db])
    const list = JSON.parse((await cli(['tag', 'list', '--db', db, '--json'])).out)
    expect(list.tags.find((x: { tag: string }) => x.tag === 'night-regular')).toMatchObject({
      source: 'user',
      customers: 1,
    })
    const p = await cli([
      'persona',
      'define',
      '都市女性',
      "gender = 'F' AND frequency >= 3",
      '--description',
      'urban women',
      '--db',
      db,
    ])
    expect(p.code).toBe(0)
    expect(p.out).toContain('3 matching customers')
    const listed = await cli(['persona', 'list', '--db', db])
    expect(listed.out).toMatch(/都市女性\s+3\s+gender = 'F' AND frequency >= 3\s+urban women/)
    const card = JSON.parse(
      (await cli(['persona', 'show', '--persona', '都市女性', '--db', db, '--json'])).out,
    )
    expect(card.size).toBe(3)
    expect(card.gender).toEqual([{ value: 'F', customers: 3, share: 1 }])
    expect((await cli(['persona', 'delete', '都市女性', '--db', db])).code).toBe(0)
    expect((await cli(['tag', 'delete', 'night-regular', '--db', db])).code).toBe(0)
  })

  it('refresh prints counts; JSON is valid; define without the language is a usage error', async () => {
    const r = await cli(['tag', 'refresh', '--db', db])
    expect(r.out).toContain('Tags of snapshot 1 (as of 2024-07-01): 12 tags, 13 assignments.')
    const j = JSON.parse((await cli(['tag', 'refresh', '--db', db, '--json'])).out)
    expect(j.cutoffs).toEqual({ highAov: 1100, bigSpender: 2950, lapsedVip: 440 })
    const bad = await cli(['tag', 'define', 'my tag', 'frequency >= 3', '--db', db])
    expect(bad.code).toBe(2)
    expect((await cli(['tag', 'delete', 'night-owl', '--db', db])).code).toBe(2)
    const typo = await cli(['tag', 'define', 'x', 'frequncy >= 3', '--db', db])
    expect(typo.code).toBe(2)
    expect(typo.err).toContain('frequency')
    expect((await cli(['tag', 'delete', 'nothing', '--db', db])).code).toBe(4)
  })
})

describe('strata cluster / persona / lookalike', () => {
  it('cluster run shows the silhouette of every k and names clusters; save-as writes static segments', async () => {
    const r = await cli(['cluster', 'run', '--k', '4', '--seed', '3', '--save-as', 'grp', '--db', demoDb])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/k = 4/)
    expect(r.out).toMatch(/4\s+0\.\d+\s+← chosen/)
    expect(r.out).toContain('Saved static segment grp-1 (grp-1)')
    const store = await openStore(demoDb)
    try {
      const seg = await store.conn.all<{ kind: string; n: number }>(sql`
        SELECT s.kind, count(*) AS n FROM segments AS s JOIN segment_members AS m ON m.segment_id = s.segment_id
        WHERE m.exited_at IS NULL GROUP BY s.kind`)
      const clustered = await store.conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM cluster_members`)
      expect(seg).toEqual([{ kind: 'static', n: Number(clustered?.n) }])
      const sizes = await store.conn.all<{ members: number; entered: number; snapshot_id: string }>(
        sql`SELECT members, entered, snapshot_id FROM segment_sizes WHERE segment_id = 'grp-1'`,
      )
      expect(sizes).toHaveLength(1)
      expect(sizes[0]).toMatchObject({ entered: sizes[0]!.members, snapshot_id: '1' })
    } finally {
      await store.close()
    }
    const zh = await cli(['cluster', 'list', '--db', demoDb, '--lang', 'zh-CN'])
    expect(zh.out).toContain('运行 1 的聚类（快照 1）')
    const json = JSON.parse((await cli(['cluster', 'list', '--db', demoDb, '--json'])).out)
    expect(json.clusters).toHaveLength(4)
    expect((await cli(['cluster', 'run', '--k', '0', '--db', demoDb])).code).toBe(2)
    expect((await cli(['cluster', 'save', 'grp-1', '--cluster', '1', '--db', demoDb])).code).toBe(2)
    expect((await cli(['cluster', 'save', 'other', '--cluster', '9', '--db', demoDb])).code).toBe(4)
  }, 60_000)

  it('persona show for an RFM segment, a cluster and a saved segment, as text and JSON', async () => {
    const r = await cli(['persona', 'show', '--rfm', 'At Risk', '--db', demoDb])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Persona card — RFM segment: At Risk')
    expect(r.out).toMatch(/customers \(share of all\)\s+[\d,]+ \(/)
    const zh = await cli(['persona', 'show', '--rfm', 'At Risk', '--db', demoDb, '--lang', 'zh-CN'])
    expect(zh.out).toContain('客户画像 — RFM 分群：流失风险')
    const json = JSON.parse((await cli(['persona', 'show', '--cluster', '1', '--db', demoDb, '--json'])).out)
    expect(json.group.kind).toBe('cluster')
    const seg = JSON.parse(
      (await cli(['persona', 'show', '--segment', 'grp-1', '--db', demoDb, '--json'])).out,
    )
    expect(seg.size).toBe(json.size)
    expect((await cli(['persona', 'show', '--db', demoDb])).code).toBe(2)
    expect((await cli(['persona', 'show', '--rfm', 'x', '--tag', 'y', '--db', demoDb])).code).toBe(2)
    expect((await cli(['persona', 'list', '--db', demoDb])).out).toContain('No buyer personas yet')
  })

  it('lookalike ranks customers outside the seed and saves them', async () => {
    const r = await cli([
      'lookalike',
      '--seed-tag',
      'night-owl',
      '--limit',
      '5',
      '--save-as',
      'owls-like',
      '--db',
      demoDb,
    ])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Lookalikes of night-owl')
    expect(r.out).toMatch(/Weighted most: night orders \d+%/)
    expect(r.out).toContain('Saved static segment owls-like')
    const json = JSON.parse(
      (await cli(['lookalike', '--seed-segment', 'owls-like', '--limit', '3', '--json', '--db', demoDb])).out,
    )
    expect(json.lookalikes).toHaveLength(3)
    expect((await cli(['lookalike', '--limit', '3', '--db', demoDb])).code).toBe(2)
  })
})
