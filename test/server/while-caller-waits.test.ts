import { EventEmitter } from 'node:events'
import type { IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { whileCallerWaits } from '../../src/server/routes/while-caller-waits.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'

/** A request whose socket the test can hang up. */
function request() {
  const socket = Object.assign(new EventEmitter(), { destroyed: false })
  const hangUp = () => {
    socket.destroyed = true
    socket.emit('close')
  }
  return { req: { socket } as unknown as IncomingMessage, hangUp, socket }
}

let store: Store
beforeAll(async () => {
  store = await openStore(':memory:')
})
afterAll(async () => {
  await store.close()
})

// A statement that runs for tens of seconds unless stopped.
const slow = sql`SELECT count(*) AS n FROM range(20000000000) t(i) WHERE i % 7 = 3`

describe('whileCallerWaits', () => {
  it('runs the work for a caller still there and answers its result; no listener left behind', async () => {
    const { req, socket } = request()
    expect(await whileCallerWaits(req, store.conn, async () => 42)).toBe(42)
    expect(socket.listenerCount('close')).toBe(0)
  })

  it('skips the work when the caller is already gone', async () => {
    const { req, hangUp } = request()
    hangUp()
    let ran = false
    expect(
      await whileCallerWaits(req, store.conn, async () => {
        ran = true
      }),
    ).toBeNull()
    expect(ran).toBe(false)
  })

  it('interrupts the running statement when the caller hangs up; the connection works afterwards', async () => {
    const { req, hangUp, socket } = request()
    const t0 = performance.now()
    setTimeout(hangUp, 150)
    expect(await whileCallerWaits(req, store.conn, () => store.conn.one(slow))).toBeNull()
    expect(performance.now() - t0).toBeLessThan(10_000)
    expect(socket.listenerCount('close')).toBe(0)
    expect(await store.conn.one(sql`SELECT 7 AS x`)).toEqual({ x: 7 })
    // An interrupt when nothing runs does not stop the next statement.
    store.conn.interrupt!()
    expect(await store.conn.one(sql`SELECT 8 AS x`)).toEqual({ x: 8 })
  })

  it('a failure of a caller still there is thrown as it is', async () => {
    const { req } = request()
    await expect(
      whileCallerWaits(req, store.conn, () => store.conn.one(sql`SELECT * FROM no_such_table`)),
    ).rejects.toThrow(/no_such_table/)
  })
})
