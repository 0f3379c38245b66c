import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createServer } from '../../src/server/index.js'
import type { LiveBatch } from '../../src/server/live/apply.js'
import { Journal } from '../../src/server/live/journal.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const event = (id: string) => ({
  type: 'event' as const,
  event_id: id,
  customer_id: 'c1',
  occurred_at: '2026-01-01 10:00:00',
  event: 'view',
})
const batch = (ids: string[]): LiveBatch => ({
  source: 'live',
  items: ids.map(event),
  response: { accepted: ids.length },
})

describe('live journal: acknowledged means durable, replayed once after a crash', () => {
  it('replays entries acknowledged but not applied, drops a torn last line, never applies twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-journal-'))
    dirs.push(dir)
    const db = join(dir, 'strata.duckdb')
    const path = join(dir, 'live-journal.ndjson')
    // A server that crashed after acknowledging three requests (fsynced) and before applying them, in the
    // middle of writing a fourth (never acknowledged: its line is incomplete).
    const { journal } = Journal.open<LiveBatch>(path)
    expect(await journal.append(batch(['a', 'b']))).toBe(1)
    expect(await journal.append(batch(['c']))).toBe(2)
    expect(await journal.append(batch(['b', 'd']))).toBe(3)
    await journal.close()
    appendFileSync(path, '{"seq":4,"data":{"source":"live","items":[{"type":"ev')

    for (let restart = 0; restart < 2; restart++) {
      const store = await openStore(db)
      const server = await createServer({
        store,
        options: { journalPath: path, webhooks: { pollMs: 0, maxAttempts: 1, baseDelayMs: 1, timeoutMs: 1 } },
      })
      expect(server.replayed).toBe(restart === 0 ? 3 : 0)
      const rows = await store.conn.all(
        sql`SELECT event_id, count(*) AS n FROM events GROUP BY event_id ORDER BY event_id`,
      )
      expect(rows).toEqual(['a', 'b', 'c', 'd'].map((event_id) => ({ event_id, n: 1 })))
      expect(await store.conn.one(sql`SELECT applied_seq FROM server_live_state`)).toEqual({ applied_seq: 3 })
      await server.close()
      await store.close()
      // Everything applied: the journal is emptied (also of the torn line).
      expect(statSync(path).size).toBe(0)
    }
  })

  it('group commit: concurrent appends share fsyncs and keep their order of sequence numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-journal-'))
    dirs.push(dir)
    const path = join(dir, 'j.ndjson')
    const { journal } = Journal.open<LiveBatch>(path)
    const seqs = await Promise.all(Array.from({ length: 50 }, (_, i) => journal.append(batch([`e${i}`]))))
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    await journal.close()
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.seq)).toEqual(seqs)
    const reopened = Journal.open<LiveBatch>(path)
    expect(reopened.entries).toHaveLength(50)
    expect(reopened.journal.lastSeq).toBe(50)
    await reopened.journal.close()
  })
})
