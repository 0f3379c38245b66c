/**
 * In-memory token buckets, one per key (client address, API key): `capacity` requests at once, refilled at
 * `perSecond`. Enough for one server process; several instances would need a shared store.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes `cost` tokens; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string, cost = 1): number {
    const t = this.now()
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: t }
    b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 1000) * this.perSecond)
    b.at = t
    this.buckets.set(key, b)
    if (this.buckets.size > 10_000) this.sweep(t)
    if (b.tokens >= cost) {
      b.tokens -= cost
      return 0
    }
    return Math.ceil((cost - b.tokens) / this.perSecond)
  }

  // Full buckets carry no information: drop them so the map cannot grow without bound.
  private sweep(t: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(k)
    }
  }
}
