import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StrataError } from '../../src/core/diagnostics.js'
import {
  createSegment,
  getSegment,
  membersQuery,
  refreshAllSegments,
  refreshSegments,
} from '../../src/segments/index.js'
import { sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/store.js'
import { memoryStore, setCities, sizes, stays } from './helpers.js'

const T1 = '2026-06-01 06:00:00'
const T2 = '2026-06-08 06:00:00'
const T3 = '2026-06-15 06:00:00'
const ctx = { asOf: '2026-06-01', snapshotId: null }

describe('membership history across refreshes (enter, stay, exit, re-enter)', () => {
  let store: Store
  beforeAll(async () => {
    store = await memoryStore()
    const conn = store.conn
    await setCities(conn, { a: '上海', b: '上海', c: '北京', d: null })
    // T1: a and b enter.
    await createSegment(conn, { name: 'Shanghai', definition: "city = '上海'" }, { now: T1, ctx })
    // T2: b moves away (exits), c moves in (enters), a stays.
    await setCities(conn, { b: '北京', c: '上海' })
    await refreshAllSegments(conn, { asOf: '2026-06-08', snapshotId: null, now: T2 })
    // T3: b comes back (a second stay), nothing else changes.
    await setCities(conn, { b: '上海' })
    await refreshSegments(conn, ['Shanghai'], { now: T3, ctx: { asOf: '2026-06-15', snapshotId: null } })
  })
  afterAll(() => store.close())

  it('keeps one row per stay with the refresh times as entry and exit', async () => {
    expect(await stays(store.conn, 'shanghai')).toEqual([
      `a ${T1}→now`,
      `b ${T1}→${T2}`,
      `b ${T3}→now`,
      `c ${T2}→now`,
    ])
  })

  it('records the size series: members, entered, exited per refresh', async () => {
    expect(await sizes(store.conn, 'shanghai')).toEqual([
      [2, 2, 0],
      [2, 1, 1],
      [3, 1, 0],
    ])
    const seg = await getSegment(store.conn, 'Shanghai')
    expect(seg.members).toBe(3)
    expect(seg.computedAt).toBe(T3)
    expect(seg.computedAsOf).toBe('2026-06-15')
  })

  it('answers "who entered since" and "who left since" as queries', async () => {
    const conn = store.conn
    const entered = await conn.all(membersQuery(conn, 'shanghai', { enteredSince: '2026-06-05' }))
    expect(entered.map((r) => `${r['customer_id']} ${r['entered_at']}`)).toEqual([`b ${T3}`, `c ${T2}`])
    const left = await conn.all(membersQuery(conn, 'shanghai', { exitedSince: '2026-06-02' }))
    expect(left.map((r) => `${r['customer_id']} ${r['exited_at']}`)).toEqual([`b ${T2}`])
    const current = await conn.all(membersQuery(conn, 'shanghai'))
    expect(current.map((r) => r['customer_id'])).toEqual(['a', 'b', 'c'])
  })

  it('a refresh with no change opens and closes nothing', async () => {
    const conn = store.conn
    const [size] = await refreshSegments(conn, ['shanghai'], { now: '2026-06-22 06:00:00', ctx })
    expect(size).toMatchObject({ members: 3, entered: 0, exited: 0 })
    expect((await stays(conn, 'shanghai')).length).toBe(4)
  })

  it('rejects a bad date in a member filter', () => {
    expect(() => membersQuery(store.conn, 'shanghai', { enteredSince: '2026-13-01' })).toThrow(StrataError)
  })

  it('a refresh is one transaction: a failure after some segments leaves every segment as before', async () => {
    const conn = store.conn
    await createSegment(conn, { name: 'Beijing', definition: "city = '北京'" }, { now: T1, ctx })
    const before = { sh: await stays(conn, 'shanghai'), bj: await stays(conn, 'beijing') }
    await setCities(conn, { a: '北京', d: '上海' })
    // A failure once the first segment (Beijing, by name) has been rewritten rolls it back too.
    await expect(
      refreshSegments(conn, 'all', {
        now: T3,
        ctx,
        onSegment: (_size, done) => {
          if (done === 1) throw new Error('killed after the first segment')
        },
      }),
    ).rejects.toThrow('killed after the first segment')
    expect(await stays(conn, 'beijing')).toEqual(before.bj)
    expect(await stays(conn, 'shanghai')).toEqual(before.sh)
    // The same refresh without the failure commits both.
    await refreshAllSegments(conn, { asOf: '2026-06-29', snapshotId: null, now: T3 })
    expect(await stays(conn, 'beijing')).toContain(`a ${T3}→now`)
    expect(await stays(conn, 'shanghai')).toContain(`a ${T1}→${T3}`)
  })

  it('a definition that no longer compiles fails the refresh before anything is written', async () => {
    const conn = store.conn
    const before = { sh: await stays(conn, 'shanghai'), bj: await stays(conn, 'beijing') }
    await setCities(conn, { a: '上海', b: null })
    await conn.run(sql`UPDATE segments SET definition = 'nonsense_field = 1' WHERE segment_id = 'beijing'`)
    await expect(
      refreshAllSegments(conn, { asOf: '2026-07-06', snapshotId: null, now: '2026-07-06 06:00:00' }),
    ).rejects.toThrow(StrataError)
    expect(await stays(conn, 'shanghai')).toEqual(before.sh)
    expect(await stays(conn, 'beijing')).toEqual(before.bj)
    await conn.run(sql`UPDATE segments SET definition = ${"city = '北京'"} WHERE segment_id = 'beijing'`)
  })

  it('a refresh computes a segment after the segments its in_segment reads, whatever their names', async () => {
    const conn = store.conn
    await setCities(conn, { x: '杭州', y: null })
    await createSegment(conn, { name: 'Zeta', definition: "city = '杭州'" }, { now: T1, ctx })
    await createSegment(conn, { name: 'Alpha', definition: "in_segment('Zeta')" }, { now: T1, ctx })
    expect((await stays(conn, 'alpha')).map((s) => s.split(' ')[0])).toEqual(['x'])
    await setCities(conn, { y: '杭州' })
    await refreshAllSegments(conn, { asOf: '2026-07-13', snapshotId: null, now: '2026-07-13 06:00:00' })
    // Alpha sorts first by name, yet sees Zeta's new member in the same refresh.
    expect((await stays(conn, 'alpha')).map((s) => s.split(' ')[0])).toEqual(['x', 'y'])
  })
})
