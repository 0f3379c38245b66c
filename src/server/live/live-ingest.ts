import { appendFileSync } from 'node:fs'
import { findSnapshot, type SnapshotInfo } from '../../analytics/index.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import type { ServerContext } from '../http/context.js'
import { type ApplyOutcome, applyBatches, type LiveBatch } from './apply.js'
import { Journal } from './journal.js'
import { type Distribution, loadDistribution } from './live-scores.js'
import type { SegmentChange } from './segment-refresh.js'

/** Called inside the apply transaction with the segment changes (the webhook outbox writes its rows here). */
export type ChangeSink = (conn: Connection, changes: readonly SegmentChange[], now: Date) => Promise<void>

interface Pending {
  readonly seq: number
  readonly batch: LiveBatch
}

/**
 * Live ingestion: acknowledged requests (durable in the journal, or — without a journal — once applied)
 * are applied to the store by one loop in groups, one transaction per group, which also records the
 * applied sequence number: after a crash, start-up replays exactly the journal entries past it.
 */
export class LiveIngest {
  private pending: Pending[] = []
  private appliedSeq = 0
  private seq = 0
  private running: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private waiters: { seq: number; resolve: () => void; reject: (e: unknown) => void }[] = []
  private readonly idem = new Map<string, { hash: string; response: Record<string, unknown> }>()
  private dist: Distribution | null = null
  private readonly failed = new Map<number, unknown>()
  private closed = false
  /** Counters for /api/live/status and the benchmarks. */
  readonly stats = { applied: 0, groups: 0, lastApplyMs: 0, changes: 0, failures: 0 }

  private constructor(
    private readonly ctx: ServerContext,
    private readonly journal: Journal<LiveBatch> | null,
    private readonly sink: ChangeSink | null,
  ) {}

  /** Opens the journal, queues what was acknowledged but not yet applied, and starts applying. */
  static async start(
    ctx: ServerContext,
    input: { sink: ChangeSink | null },
  ): Promise<{ live: LiveIngest; replayed: number }> {
    const path = ctx.options.journalPath
    const opened = path ? Journal.open<LiveBatch>(path) : null
    const live = new LiveIngest(ctx, opened?.journal ?? null, input.sink)
    const row = await ctx.db((conn) =>
      conn.one<{ applied_seq: number }>(
        sql`SELECT applied_seq FROM server_live_state WHERE journal = 'live'`,
      ),
    )
    live.appliedSeq = row?.applied_seq ?? 0
    const entries = opened?.entries ?? []
    live.seq = Math.max(live.appliedSeq, opened?.journal.lastSeq ?? 0)
    for (const e of entries) {
      if (e.data.idemKey)
        live.idem.set(e.data.idemKey, { hash: e.data.requestHash ?? '', response: e.data.response })
      if (e.seq > live.appliedSeq) live.pending.push({ seq: e.seq, batch: e.data })
    }
    const replayed = live.pending.length
    if (replayed) await live.flush()
    // Sort the latest snapshot's distribution now (seconds at a million customers) rather than in the
    // first live update after start.
    void ctx.db((conn) => live.preload(conn)).catch(() => undefined)
    return { live, replayed }
  }

  /**
   * A previous answer to this Idempotency-Key: the same request gets the first response, a different
   * body under the same key is a conflict; unknown keys are new.
   */
  async previous(
    key: string,
    hash: string,
  ): Promise<{ response: Record<string, unknown> } | 'conflict' | null> {
    let hit = this.idem.get(key)
    if (!hit) {
      const row = await this.ctx.db((conn) =>
        conn.one<{ request_hash: string; response: string }>(
          sql`SELECT request_hash, response FROM server_idempotency WHERE idem_key = ${key}`,
        ),
      )
      if (row) hit = { hash: row.request_hash, response: JSON.parse(row.response) }
    }
    if (!hit) return null
    return hit.hash === hash ? { response: hit.response } : 'conflict'
  }

  /**
   * Accepts a request: resolves once it is durable (journal fsync), or, with `waitApplied` or without a
   * journal, once it is committed in the store.
   */
  async submit(batch: LiveBatch, waitApplied: boolean): Promise<number> {
    if (batch.idemKey)
      this.idem.set(batch.idemKey, { hash: batch.requestHash ?? '', response: batch.response })
    let seq: number
    if (this.journal) {
      try {
        seq = await this.journal.append(batch)
      } catch (error) {
        if (batch.idemKey) this.idem.delete(batch.idemKey)
        throw error
      }
    } else seq = ++this.seq
    this.pending.push({ seq, batch })
    this.schedule()
    if (waitApplied || !this.journal) await this.appliedUpTo(seq)
    return seq
  }

  /** Resolves when everything acknowledged so far is in the store. */
  async flush(): Promise<void> {
    const last = Math.max(this.seq, this.journal?.lastSeq ?? 0, ...this.pending.map((p) => p.seq))
    this.schedule(0)
    await this.appliedUpTo(last)
  }

  /**
   * After an erasure: once everything is applied, empty the journal so the erased person's raw items do not
   * stay on disk. False when new items arrived meanwhile (they are truncated at the next idle moment).
   */
  async forgetJournal(): Promise<boolean> {
    await this.flush()
    return this.journal ? this.journal.truncateIfApplied(this.appliedSeq) : true
  }

  get status() {
    return {
      appliedSeq: this.appliedSeq,
      pending: this.pending.length,
      journal: this.journal !== null,
      ...this.stats,
    }
  }

  private appliedUpTo(seq: number): Promise<void> {
    if (seq <= this.appliedSeq) return Promise.resolve()
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }))
  }

  private schedule(delay = this.ctx.options.applyIntervalMs): void {
    if (this.timer || this.closed) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.running ??= this.applyLoop().finally(() => {
        this.running = null
        if (this.pending.length) this.schedule()
      })
    }, delay)
  }

  // One group per run; the next run starts `applyIntervalMs` later, so requests arriving meanwhile form a
  // bigger group: each group has a fixed cost (a dozen statements), shared by more items.
  private async applyLoop(): Promise<void> {
    if (this.pending.length) {
      const group = this.pending
      this.pending = []
      const started = performance.now()
      try {
        await this.applyGroup(group)
      } catch (error) {
        // One bad request must not block the rest: retry one by one, set aside those that still fail.
        this.stats.failures++
        for (const p of group) {
          try {
            await this.applyGroup([p])
          } catch (single) {
            this.setAside(p, single)
          }
        }
        void error
      }
      this.stats.lastApplyMs = performance.now() - started
      this.stats.groups++
      const top = group.reduce((m, p) => Math.max(m, p.seq), this.appliedSeq)
      this.appliedSeq = Math.max(this.appliedSeq, top)
      const ready = this.waiters.filter((w) => w.seq <= this.appliedSeq)
      this.waiters = this.waiters.filter((w) => w.seq > this.appliedSeq)
      for (const w of ready) {
        const error = this.failed.get(w.seq)
        this.failed.delete(w.seq)
        if (error) w.reject(error)
        else w.resolve()
      }
      if (this.journal && this.pending.length === 0) await this.journal.truncateIfApplied(this.appliedSeq)
    }
  }

  private async applyGroup(group: Pending[]): Promise<ApplyOutcome> {
    const now = this.ctx.now()
    const top = group.reduce((m, p) => Math.max(m, p.seq), 0)
    const outcome = await this.ctx.db((conn) =>
      conn.transaction(async () => {
        const out = await applyBatches(
          conn,
          group.map((p) => p.batch),
          {
            now,
            today: now.toISOString().slice(0, 10),
            distribution: (snap) => this.distribution(conn, snap),
          },
        )
        if (this.sink && out.changes.length) await this.sink(conn, out.changes, now)
        await conn.run(sql`DELETE FROM server_live_state WHERE journal = 'live'`)
        await conn.run(sql`INSERT INTO server_live_state (journal, applied_seq) VALUES ('live', ${top})`)
        return out
      }),
    )
    this.stats.applied += group.reduce((n, p) => n + p.batch.items.length, 0)
    this.stats.changes += outcome.changes.length
    return outcome
  }

  private setAside(p: Pending, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error)
    this.failed.set(p.seq, error)
    if (this.failed.size > 1000) this.failed.delete(this.failed.keys().next().value as number)
    if (this.journal) appendFileSync(`${this.journal.path}.rejected`, `${JSON.stringify({ ...p, reason })}\n`)
  }

  async preload(conn: Connection): Promise<void> {
    const row = await conn.one(sql`SELECT 1 AS x FROM snapshots LIMIT 1`)
    if (row) await this.distribution(conn, await findSnapshot(conn, 'latest'))
  }

  private async distribution(conn: Connection, snap: SnapshotInfo): Promise<Distribution> {
    if (this.dist?.snapshot.snapshotId !== snap.snapshotId) this.dist = await loadDistribution(conn, snap)
    return this.dist
  }

  /** Applies what is pending, then stops (the journal keeps anything not applied for the next start). */
  async close(): Promise<void> {
    await this.flush().catch(() => undefined)
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
    await this.journal?.close()
  }
}
