/**
 * A small time-limited memo for expensive read-only answers (the overview of a snapshot): a value is
 * reused for `ttlMs`, then recomputed. Concurrent callers of the same key share one computation; a failure
 * is not kept. The clock is the server's (tests pass their own).
 *
 * @example
 * const cache = new TtlCache<Summary>(15_000, () => Date.now())
 * await cache.get('snapshot:3', () => dashboardSummary(conn, '3'))
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>()

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 32,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key)
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value
    const value = compute()
    this.entries.set(key, { at: this.now(), value })
    value.catch(() => this.entries.delete(key))
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
    return value
  }

  clear(): void {
    this.entries.clear()
  }
}
