import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { t } from '../../src/i18n/translate.js'
import {
  BUILTIN_TAGS,
  type CompileDefinition,
  defineTag,
  deleteTag,
  explainCustomerTags,
  listTags,
  refreshTags,
} from '../../src/personas/index.js'
import { compileSegment } from '../../src/segments/language/index.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import { loadFixture } from '../analytics/fixture.js'
import { TAG_AS_OF, TAG_SHOP } from './tag-fixture.js'

const NOW = '2024-07-02 09:00:00'

async function tagsOf(store: Store): Promise<Record<string, string[]>> {
  const rows = await store.conn.all<{ customer_id: string; tag: string }>(
    sql`SELECT customer_id, tag FROM customer_tags ORDER BY customer_id, tag`,
  )
  const out: Record<string, string[]> = {}
  for (const r of rows) {
    out[r.customer_id] ??= []
    out[r.customer_id]!.push(r.tag)
  }
  return out
}

/** A stand-in compiler for user-tag plumbing tests: `frequency >= N` only (the real language lives elsewhere). */
const frequencyAtLeast: CompileDefinition = (text) => {
  const m = /^frequency >= (\d+)$/.exec(text.trim())
  if (!m) return { ok: false, diagnostics: [{ code: 'personas.language_unavailable', params: { text } }] }
  const n = Number(m[1])
  return {
    ok: true,
    value: {
      canonical: `frequency >= ${n}`,
      query: sql`SELECT customer_id FROM customer_scores WHERE snapshot_id = (SELECT max(snapshot_id) FROM customer_scores) AND frequency >= ${n}`,
    },
  }
}

describe('built-in tags on a hand-made shop', () => {
  let store: Store
  beforeAll(async () => {
    store = await openStore(':memory:')
    await loadFixture(store.conn, TAG_SHOP)
    await analyze(store.conn, { asOf: TAG_AS_OF, createdAt: NOW })
  })
  afterAll(() => store.close())

  it('cut-offs are the quantiles worked out by hand', async () => {
    const result = await refreshTags(store.conn, { now: NOW })
    // monetary [0, 60, 90, 120, 200, 500, 4000]: p95 at 5.7 → 500 + 0.7 × 3500; p80 at 4.8 → 200 + 0.8 × 300
    // AOV [20, 30, 30, 40, 50, 500, 2000]: p90 at 5.4 → 500 + 0.4 × 1500
    expect(result.cutoffs).toEqual({ highAov: 1100, bigSpender: 2950, lapsedVip: 440 })
    expect(result.snapshotId).toBe('1')
  })

  it('each customer carries exactly the tags worked out by hand', async () => {
    expect(await tagsOf(store)).toEqual({
      g1: ['community-regular'],
      h1: ['category-lover:母婴', 'new-parent', 'price-sensitive'],
      n1: ['category-lover:生鲜', 'night-owl'],
      o1: ['one-time-buyer'],
      r1: ['refund-prone'],
      v1: ['big-spender', 'high-aov', 'lapsed-vip'],
      w1: ['category-lover:生鲜', 'weekend-shopper'],
    })
  })

  it('explains each tag with the customer’s numbers and the threshold, in three languages', async () => {
    const why = await explainCustomerTags(store.conn, 'h1')
    const price = why.tags.find((r) => r.tag === 'price-sensitive')!
    expect(t('en', price.key, price.params)).toBe(
      'price-sensitive: 75% of 4 orders used a discount or coupon (threshold 60%, at least 3 orders).',
    )
    expect(t('zh-CN', price.key, price.params)).toBe(
      '价格敏感：4 单中 75% 使用了折扣或优惠券（阈值 60%，至少 3 单）。',
    )
    expect(t('zh-TW', price.key, price.params)).toContain('價格敏感')
    const night = (await explainCustomerTags(store.conn, 'n1')).tags.find((r) => r.tag === 'night-owl')!
    expect(night.params).toMatchObject({ share: 67, orders: 3, threshold: 50 })
    const vip = (await explainCustomerTags(store.conn, 'v1')).tags.find((r) => r.tag === 'lapsed-vip')!
    expect(t('en', vip.key, vip.params)).toBe(
      'lapsed VIP: spent 4,000 (≥ 440, the 80th percentile) but last bought 366 days ago (more than 180 days).',
    )
    expect((await explainCustomerTags(store.conn, 'p1')).tags).toEqual([])
  })

  it('lists tags with counts and descriptions stating the thresholds', async () => {
    const list = await listTags(store.conn)
    const lover = list.filter((x) => x.tag.startsWith('category-lover:'))
    expect(lover.map((x) => [x.tag, x.customers])).toEqual([
      ['category-lover:生鲜', 2],
      ['category-lover:母婴', 1],
    ])
    const aov = list.find((x) => x.tag === 'high-aov')!
    expect(aov.customers).toBe(1)
    expect(aov.description?.en).toBe(
      'High AOV: average order value at or above the 90th percentile of customers (≥ 1,100).',
    )
    expect(aov.description?.['zh-CN']).toContain('≥ 1,100')
    // every built-in is described in every language
    for (const b of BUILTIN_TAGS) {
      const row = list.find((x) => x.tag === b.id || x.tag.startsWith(`${b.id}:`))
      if (row)
        for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) expect(row.description?.[lang]).toBeTruthy()
    }
  })

  it('the tag SQL agrees with a direct query over customer_scores', async () => {
    const direct = await store.conn.all<{ customer_id: string }>(sql`
      SELECT customer_id FROM customer_scores
      WHERE snapshot_id = '1' AND frequency >= 3 AND discount_share >= 0.6 ORDER BY customer_id`)
    const tagged = await store.conn.all<{ customer_id: string }>(
      sql`SELECT customer_id FROM customer_tags WHERE tag = 'price-sensitive' ORDER BY customer_id`,
    )
    expect(tagged).toEqual(direct)
  })

  it('the segment language reads the tags (`tag = …`, has_tag)', async () => {
    const ctx = { asOf: TAG_AS_OF, snapshotId: '1' }
    for (const text of ["tag = 'category-lover:生鲜'", "has_tag('category-lover:生鲜')"]) {
      const compiled = compileSegment(text, store.conn.dialect, ctx)
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics))
      const rows = await store.conn.all<{ customer_id: string }>(
        sql`SELECT customer_id FROM (${compiled.value.query}) AS q ORDER BY customer_id`,
      )
      expect(rows.map((r) => r.customer_id)).toEqual(['n1', 'w1'])
    }
  })

  it('user tags: defined, assigned, kept across refreshes, explained, deleted', async () => {
    const made = await defineTag(store.conn, {
      tag: 'regulars',
      definition: 'frequency >= 3',
      description: 'three orders or more',
      now: NOW,
      compile: frequencyAtLeast,
    })
    // h1 (4 orders), n1, w1, g1 (3 each)
    expect(made).toEqual({ tag: 'regulars', canonical: 'frequency >= 3', customers: 4 })
    await refreshTags(store.conn, { now: NOW, compile: frequencyAtLeast })
    expect((await tagsOf(store))['g1']).toEqual(['community-regular', 'regulars'])
    const why = (await explainCustomerTags(store.conn, 'g1')).tags.find((r) => r.tag === 'regulars')!
    expect(t('en', why.key, why.params)).toBe('matches the definition: frequency >= 3')
    await expect(
      defineTag(store.conn, {
        tag: 'night-owl',
        definition: 'frequency >= 1',
        now: NOW,
        compile: frequencyAtLeast,
      }),
    ).rejects.toMatchObject({ diagnostic: { code: 'personas.tag.builtin_name' } })
    await expect(
      defineTag(store.conn, {
        tag: 'has space',
        definition: 'frequency >= 1',
        now: NOW,
        compile: frequencyAtLeast,
      }),
    ).rejects.toMatchObject({ diagnostic: { code: 'personas.tag.bad_name' } })
    await expect(
      defineTag(store.conn, { tag: 'bad', definition: 'nonsense', now: NOW, compile: frequencyAtLeast }),
    ).rejects.toMatchObject({ diagnostic: { code: 'personas.language_unavailable' } })
    // a definition that stops compiling becomes a warning, not a failed refresh
    const broken = await refreshTags(store.conn, {
      now: NOW,
      compile: () => frequencyAtLeast('x', store.conn.dialect, { asOf: '', snapshotId: null }),
    })
    expect(broken.warnings.map((w) => w.code)).toEqual(['personas.tag.definition_broken'])
    await deleteTag(store.conn, 'regulars')
    expect((await listTags(store.conn)).some((x) => x.tag === 'regulars')).toBe(false)
    await expect(deleteTag(store.conn, 'night-owl')).rejects.toMatchObject({
      diagnostic: { code: 'personas.tag.builtin_name' },
    })
    await expect(deleteTag(store.conn, 'nope')).rejects.toMatchObject({
      diagnostic: { code: 'personas.tag.not_found' },
    })
  })

  it('a refresh replaces the tags atomically (a failure keeps the previous ones)', async () => {
    await refreshTags(store.conn, { now: NOW })
    const before = await tagsOf(store)
    const failing: CompileDefinition = () => {
      throw new Error('boom')
    }
    await defineTag(store.conn, {
      tag: 'x',
      definition: 'frequency >= 9',
      now: NOW,
      compile: frequencyAtLeast,
    })
    await expect(refreshTags(store.conn, { now: NOW, compile: failing })).rejects.toThrow('boom')
    const after = await tagsOf(store)
    expect(after).toEqual(before)
    await deleteTag(store.conn, 'x')
  })
})
