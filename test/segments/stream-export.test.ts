import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSegment, writeMembers } from '../../src/segments/index.js'
import type { SqlValue } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/store.js'
import { memoryStore } from './helpers.js'

const N = 200_000

/** A destination that is slow (every write completes on a later tick) and records what it saw. */
function slowSink() {
  let lines = 0
  let writes = 0
  let largestWrite = 0
  let peakHeap = 0
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _enc, done) {
      const n = chunk.toString().split('\n').length - 1
      lines += n
      writes++
      largestWrite = Math.max(largestWrite, n)
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
      setImmediate(done)
    },
  })
  return { stream, stats: () => ({ lines, writes, largestWrite, peakHeap }) }
}

describe('streaming export of a big segment', () => {
  let store: Store
  beforeAll(async () => {
    store = await memoryStore()
    function* customers(): Generator<SqlValue[]> {
      for (let i = 0; i < N; i++) {
        const id = `cust-${String(i).padStart(7, '0')}`
        yield [id, null, null, null, null, null, '杭州', null, null, null, 'gen', i % 2 === 0, null, null]
      }
    }
    const columns = [
      'customer_id',
      'email',
      'phone',
      'name',
      'gender',
      'birth_date',
      'city',
      'region',
      'country',
    ]
    await store.conn.append(
      'customers',
      [...columns, 'signup_at', 'source', 'consent_marketing', 'attributes', 'import_id'],
      customers(),
    )
    await createSegment(
      store.conn,
      { name: 'Hangzhou', definition: "city = '杭州'" },
      { now: '2026-06-01 06:00:00', ctx: { asOf: '2026-06-01', snapshotId: null } },
    )
  }, 120_000)
  afterAll(() => store.close())

  it('writes every row in engine-sized batches to a slow destination, with bounded memory', async () => {
    const sink = slowSink()
    const before = process.memoryUsage().heapUsed
    const rows = await writeMembers(store.conn, 'hangzhou', {}, 'csv', sink.stream)
    await new Promise<void>((done) => sink.stream.end(done))
    const s = sink.stats()
    expect(rows).toBe(N)
    expect(s.lines).toBe(N + 1)
    // Batches of the engine's chunk size (2,048 rows), never the whole result in one piece…
    expect(s.writes).toBeGreaterThan(N / 2_048)
    expect(s.largestWrite).toBeLessThanOrEqual(2_048)
    // …and the heap never holds the result: 200k rows as objects alone would take well over 40 MB.
    expect(s.peakHeap - before).toBeLessThan(40 * 1024 * 1024)
  }, 120_000)

  it('--consented-only keeps half, NDJSON and JSON array are well formed', async () => {
    let text = ''
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString()
        done()
      },
    })
    const rows = await writeMembers(store.conn, 'hangzhou', { consentedOnly: true }, 'json', sink)
    expect(rows).toBe(N / 2)
    const parsed = JSON.parse(text) as { customer_id: string; exited_at: null }[]
    expect(parsed).toHaveLength(N / 2)
    expect(parsed[1]).toEqual({
      customer_id: 'cust-0000002',
      entered_at: '2026-06-01 06:00:00',
      exited_at: null,
    })
  }, 120_000)
})
