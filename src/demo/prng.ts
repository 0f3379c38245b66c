/**
 * A small seeded generator (xoshiro128**, seeded through splitmix32) and the draws the demo needs.
 * Why our own: `Math.random` cannot be seeded, and the demo must give byte-identical data for the same
 * seed on every machine. 32-bit integer arithmetic (`Math.imul`, `>>> 0`) is exact in every JS engine,
 * so the stream does not depend on the platform.
 *
 * @example
 * const rng = new Prng(42, 7) // stream 7 of seed 42 (e.g. customer #7)
 * rng.int(1, 6)
 */
export class Prng {
  private a = 0
  private b = 0
  private c = 0
  private d = 0

  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream)
  }

  /**
   * Restarts at (seed, stream). Each customer gets its own stream, so its data does not depend on the
   * batch size or on how many customers came before it.
   */
  reseed(seed: number, stream: number): this {
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    // Mix the stream in twice: consecutive streams must not give correlated first draws.
    s = (s ^ Math.imul(stream, 0x632be5ab)) >>> 0
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next() || 1
    return this
  }

  /** Next 32-bit unsigned integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0
    const t = this.b << 9
    this.c ^= this.a
    this.d ^= this.b
    this.b ^= this.c
    this.a ^= this.d
    this.c ^= t
    this.d = rotl(this.d, 11)
    return result
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream simple). */
  normal(): number {
    const u = 1 - this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  /** Log-normal around `median` with log-sd `sigma`: spend and rate heterogeneity. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /** Poisson count (Knuth for small means, normal approximation above 30). */
  poisson(mean: number): number {
    if (mean <= 0) return 0
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()))
    const limit = Math.exp(-mean)
    let k = 0
    let p = this.next()
    while (p > limit) {
      k++
      p *= this.next()
    }
    return k
  }

  /** Index drawn from a cumulative weight table (see `cumulative`). */
  weighted(cum: Float64Array): number {
    const x = this.next() * cum[cum.length - 1]!
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cum[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0
}

/** Running sums of weights, for `Prng.weighted`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const cum = new Float64Array(weights.length)
  let total = 0
  for (let i = 0; i < weights.length; i++) {
    total += weights[i]!
    cum[i] = total
  }
  return cum
}

/** A 32-bit seed from any text or number, so `--seed spring-2026` works as well as `--seed 7`. */
export function seedFrom(value: string | number): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value >>> 0
  let h = 0x811c9dc5
  for (const ch of String(value)) {
    h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0
  }
  return h
}
