import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { EXIT, StrataError } from '../../src/core/diagnostics.js'
import {
  countSegment,
  createSegment,
  createStaticSegment,
  currentMemberIds,
  deleteSegment,
  diffSegmentEdit,
  freezeSegment,
  getSegment,
  listSegments,
  previewSegment,
  refreshAllSegments,
  type SegmentContext,
  segmentOverlap,
  updateSegment,
} from '../../src/segments/index.js'
import { sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/store.js'
import { loadFixture, SHOP } from '../analytics/fixture.js'
import { memoryStore, stays } from './helpers.js'

const NOW = '2024-07-01 07:00:00'
const dir = mkdtempSync(join(tmpdir(), 'strata-seg-'))
let store: Store
let ctx: SegmentContext

beforeAll(async () => {
  store = await memoryStore()
  await loadFixture(store.conn, SHOP)
  // Ids people know from their shop: c2 is 17850 in one source; "dup" names both c4 and c5.
  await store.conn.run(sql`INSERT INTO customer_identities (customer_id, kind, source, value) VALUES
    ('c2', 'source_id', 'shop', '17850'), ('c3', 'email', 'shop', 'mixed@example.com'),
    ('c4', 'source_id', 'shop', 'dup'), ('c5', 'source_id', 'pos', 'dup')`)
  const { summary } = await analyze(store.conn, { asOf: '2024-07-01', createdAt: '2024-07-01 06:00:00' })
  ctx = { asOf: '2024-07-01', snapshotId: summary.snapshotId }
})
afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const ids = async (segmentId: string) =>
  (
    await store.conn.all<{ customer_id: string }>(
      sql`${currentMemberIds(store.conn, segmentId)} ORDER BY customer_id`,
    )
  ).map((r) => r.customer_id)

describe('preview', () => {
  it('counts, shares of customers and revenue, and a sorted sample, without saving', async () => {
    const p = await previewSegment(store.conn, "city IN ('上海', '成都')", { ctx, sample: 1, clock: () => 5 })
    // Population: the 9 customer rows plus c7 (orders, no profile row). c1 spent 100+50+50; c2 80 (o4 is
    // at 00:00 on asOf, outside the window).
    expect(p.members).toBe(2)
    expect(p.population).toBe(10)
    expect(p.shareOfCustomers).toBeCloseTo(0.2)
    expect(p.revenue).toBe(280)
    const total = await store.conn.one<{ t: number }>(
      sql`SELECT sum(monetary) AS t FROM customer_scores WHERE snapshot_id = ${ctx.snapshotId}`,
    )
    expect(p.revenueTotal).toBe(total!.t)
    expect(p.shareOfRevenue).toBeCloseTo(280 / total!.t)
    expect(p.sample).toEqual(['c1'])
    expect(p.elapsedMs).toBe(0)
    expect(await listSegments(store.conn)).toEqual([])
  })

  it('the count alone equals the count and share of the whole preview (the first answer of the builder)', async () => {
    for (const text of ["city IN ('上海', '成都')", 'frequency >= 1', "city = '无'"]) {
      const full = await previewSegment(store.conn, text, { ctx })
      const count = await countSegment(store.conn, text, { ctx, clock: () => 7 })
      expect(count).toEqual({
        canonical: full.canonical,
        ctx,
        members: full.members,
        population: full.population,
        shareOfCustomers: full.shareOfCustomers,
        elapsedMs: 0,
      })
    }
    const none = await countSegment(store.conn, "city = '无'", { ctx })
    expect(none.members).toBe(0)
    expect(none.shareOfCustomers).toBe(0)
  })

  it('the population is cached per snapshot and recounted when the customers table changes', async () => {
    const conn = store.conn
    const again = await previewSegment(conn, "city = '上海'", { ctx })
    expect(again.population).toBe(10)
    await conn.run(sql`INSERT INTO customers (customer_id) VALUES ('late')`)
    expect((await previewSegment(conn, "city = '上海'", { ctx })).population).toBe(11)
    await conn.run(sql`DELETE FROM customers WHERE customer_id = 'late'`)
    expect((await previewSegment(conn, "city = '上海'", { ctx })).population).toBe(10)
    const cached = await conn.all(sql`SELECT snapshot_id, customer_rows, population FROM segment_population`)
    expect(cached).toEqual([{ snapshot_id: ctx.snapshotId, customer_rows: 9, population: 10 }])
  })

  it('an invalid definition is an error with its position, and nothing is saved', async () => {
    const error = await createSegment(
      store.conn,
      { name: 'Bad', definition: 'cty = 1' },
      { now: NOW, ctx },
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StrataError)
    expect((error as StrataError).diagnostic.code).toMatch(/^segment\./)
    expect((error as StrataError).diagnostic.at?.column).toBe(1)
    expect(await listSegments(store.conn)).toEqual([])
  })
})

describe('static lists', () => {
  const file = join(dir, 'vip.csv')
  writeFileSync(file, 'customer_id\nc1\n17850\nMIXED@Example.com\nnobody\ndup\n\nc1\n')

  it('reject unknown and ambiguous ids with file and line, saving nothing', async () => {
    const error = (await createStaticSegment(store.conn, { name: 'VIP list', file }, { now: NOW, ctx }).catch(
      (e: unknown) => e,
    )) as StrataError
    expect(error).toBeInstanceOf(StrataError)
    expect(error.exitCode).toBe(EXIT.DATA)
    expect([error.diagnostic, ...error.more].map((d) => [d.code, d.at?.file, d.at?.line])).toEqual([
      ['segments.upload.unknown_id', file, 5],
      ['segments.upload.ambiguous_id', file, 6],
    ])
    expect(error.more[0]?.params).toMatchObject({ n: 2, first: 'c4', last: 'c5' })
    expect(await listSegments(store.conn)).toEqual([])
  })

  it('with allowUnknown, save the ids that resolve (canonical id, source id, email) once each', async () => {
    const r = await createStaticSegment(
      store.conn,
      { name: 'VIP list', file, allowUnknown: true },
      { now: NOW, ctx },
    )
    expect(r.upload).toMatchObject({ lines: 6, customers: 3, unknown: 1, ambiguous: 1 })
    expect(r.segment).toMatchObject({ segmentId: 'vip-list', kind: 'static', members: 3 })
    expect(await ids('vip-list')).toEqual(['c1', 'c2', 'c3'])
    // A static list does not move on refresh.
    await refreshAllSegments(store.conn, {
      asOf: '2024-07-01',
      snapshotId: ctx.snapshotId,
      now: '2024-07-02 00:00:00',
    })
    expect(await ids('vip-list')).toEqual(['c1', 'c2', 'c3'])
  })

  it('a TXT list takes one id per line', async () => {
    const txt = join(dir, 'list.txt')
    writeFileSync(txt, '\uFEFFc4\r\nc5\r\n')
    const r = await createStaticSegment(store.conn, { name: '名单', file: txt }, { now: NOW, ctx })
    expect(r.segment.segmentId).toMatch(/^seg-\d+$/)
    expect(await ids(r.segment.segmentId)).toEqual(['c4', 'c5'])
  })
})

describe('dynamic segments: names, edit diff, freeze, delete', () => {
  it('ids are slugs of the name; names are unique', async () => {
    const r = await createSegment(
      store.conn,
      { name: 'Shanghai', definition: "city = '上海'" },
      { now: NOW, ctx },
    )
    expect(r.segment).toMatchObject({ segmentId: 'shanghai', definition: "city = '上海'", members: 1 })
    const clash = await createSegment(
      store.conn,
      { name: 'Shanghai', definition: 'frequency > 1' },
      { now: NOW, ctx },
    ).catch((e: StrataError) => e.diagnostic.code)
    expect(clash).toBe('segments.name_taken')
  })

  it('an edit shows who would enter and leave, and saving moves exactly those', async () => {
    const diff = await diffSegmentEdit(store.conn, 'Shanghai', "city = '成都'", { ctx })
    expect(diff).toMatchObject({
      before: 1,
      after: 1,
      entering: { count: 1, sample: ['c2'] },
      leaving: { count: 1, sample: ['c1'] },
    })
    expect(await ids('shanghai')).toEqual(['c1'])
    const saved = await updateSegment(
      store.conn,
      'shanghai',
      { definition: "city = '成都'" },
      { now: '2024-07-02 07:00:00', ctx },
    )
    expect(saved.size).toMatchObject({ members: 1, entered: 1, exited: 1 })
    expect(await stays(store.conn, 'shanghai')).toEqual([
      `c1 ${NOW}→2024-07-02 07:00:00`,
      'c2 2024-07-02 07:00:00→now',
    ])
  })

  it('freeze copies the current members into a static segment that no longer moves', async () => {
    const r = await freezeSegment(
      store.conn,
      'shanghai',
      { name: 'Frozen' },
      { now: '2024-07-03 00:00:00', ctx },
    )
    expect(r.segment).toMatchObject({ kind: 'static', frozenFrom: 'shanghai', members: 1 })
    await updateSegment(
      store.conn,
      'shanghai',
      { definition: "city = '上海'" },
      { now: '2024-07-04 00:00:00', ctx },
    )
    expect(await ids('frozen')).toEqual(['c2'])
    expect(await ids('shanghai')).toEqual(['c1'])
    const error = await updateSegment(
      store.conn,
      'frozen',
      { definition: 'frequency > 1' },
      { now: NOW, ctx },
    ).catch((e: StrataError) => e.diagnostic.code)
    expect(error).toBe('segments.static_definition')
  })

  it('in_segment must name a saved segment', async () => {
    const error = await createSegment(
      store.conn,
      { name: 'X', definition: "in_segment('nope')" },
      { now: NOW, ctx },
    ).catch((e: StrataError) => e.diagnostic.code)
    expect(error).toBe('segment.unknown_segment')
    const ok = await createSegment(
      store.conn,
      { name: 'Not Shanghai', definition: "NOT in_segment('Shanghai')" },
      { now: NOW, ctx },
    )
    expect(ok.size.members).toBe(9)
  })

  it('delete removes the segment, its history and sizes', async () => {
    await deleteSegment(store.conn, 'Frozen')
    const left = await store.conn.one<{ n: number }>(sql`SELECT
      (SELECT count(*) FROM segment_members WHERE segment_id = 'frozen') +
      (SELECT count(*) FROM segment_sizes WHERE segment_id = 'frozen') AS n`)
    expect(left!.n).toBe(0)
    await expect(getSegment(store.conn, 'Frozen')).rejects.toThrow(StrataError)
  })
})

describe('overlap', () => {
  it('matches direct SQL counts for every pair, percentages of the row segment', async () => {
    const conn = store.conn
    await createSegment(conn, { name: 'Repeat', definition: 'frequency >= 2' }, { now: NOW, ctx })
    await createSegment(conn, { name: 'Big', definition: 'monetary >= 100' }, { now: NOW, ctx })
    const refs = ['repeat', 'big', 'vip-list', 'shanghai']
    const m = await segmentOverlap(conn, refs)
    for (const [i, a] of refs.entries()) {
      for (const [j, b] of refs.entries()) {
        const direct = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM
          (${currentMemberIds(conn, a)} INTERSECT ${currentMemberIds(conn, b)}) x`)
        expect(m.shared[i]![j], `${a} × ${b}`).toBe(direct!.n)
        expect(m.percent[i]![j]).toBeCloseTo(direct!.n / m.shared[i]![i]!)
      }
    }
    // By hand: repeat = c1, c3, c5 (c2's second order is on asOf); big = c1 (200), c4 (300), c7 (100).
    expect(await ids('repeat')).toEqual(['c1', 'c3', 'c5'])
    expect(await ids('big')).toEqual(['c1', 'c4', 'c7'])
    expect(m.shared[0]![1]).toBe(1)
    expect(m.percent[0]![1]).toBeCloseTo(1 / 3)
  })
})
