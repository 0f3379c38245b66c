import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSegment, refreshAllSegments, refreshSegments } from '../../src/segments/index.js'
import type { Store } from '../../src/store/store.js'
import { setCities, sizes, stays } from '../segments/helpers.js'
import { ENGINES } from '../support/engine-stores.js'

/**
 * The segment service on every engine: a dynamic segment created, then refreshed as customers move
 * (enter, stay, exit, re-enter), keeps the same stays and size series everywhere.
 */
const T1 = '2026-06-01 06:00:00'
const T2 = '2026-06-08 06:00:00'
const T3 = '2026-06-15 06:00:00'

async function history(store: Store) {
  const conn = store.conn
  await setCities(conn, { a: '上海', b: '上海', c: '北京', d: null })
  await createSegment(
    conn,
    { name: 'Shanghai', definition: "city = '上海'" },
    { now: T1, ctx: { asOf: '2026-06-01', snapshotId: null } },
  )
  await setCities(conn, { b: '北京', c: '上海' })
  await refreshAllSegments(conn, { asOf: '2026-06-08', snapshotId: null, now: T2 })
  await setCities(conn, { b: '上海' })
  await refreshSegments(conn, ['Shanghai'], { now: T3, ctx: { asOf: '2026-06-15', snapshotId: null } })
  return { stays: await stays(conn, 'shanghai'), sizes: await sizes(conn, 'shanghai') }
}

for (const engine of ENGINES) {
  describe(`[${engine.name}] segment service`, () => {
    let store: Store
    beforeAll(async () => {
      store = await engine.open()
    })
    afterAll(() => store?.close())

    test(`[${engine.name}] membership history: one row per stay, sizes per refresh`, async () => {
      const got = await history(store)
      expect(got.stays).toEqual([`a ${T1}→now`, `b ${T1}→${T2}`, `b ${T3}→now`, `c ${T2}→now`])
      expect(got.sizes).toEqual([
        [2, 2, 0],
        [2, 1, 1],
        [3, 1, 0],
      ])
    })
  })
}
