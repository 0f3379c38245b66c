import { describe, expect, it } from 'vitest'
import { Prng } from '../../src/demo/prng.js'
import { kmeans, seedCentroids, silhouette, standardise } from '../../src/personas/index.js'

/** Three tight blobs around (0,0), (10,0), (0,10): 60 points each, row-major. */
function blobs(seed = 3) {
  const rng = new Prng(seed, 1)
  const centres = [
    [0, 0],
    [10, 0],
    [0, 10],
  ]
  const data = new Float64Array(180 * 2)
  const truth = new Int32Array(180)
  for (let i = 0; i < 180; i++) {
    const c = i % 3
    truth[i] = c
    data[i * 2] = centres[c]![0]! + rng.normal() * 0.5
    data[i * 2 + 1] = centres[c]![1]! + rng.normal() * 0.5
  }
  return { data, truth }
}

describe('k-means', () => {
  it('recovers well-separated blobs exactly (same partition as the truth)', () => {
    const { data, truth } = blobs()
    const fit = kmeans(data, 180, 2, 3, { seed: 7 })
    // A cluster label maps to one true blob and back.
    const map = new Map<number, number>()
    for (let i = 0; i < 180; i++) {
      const seen = map.get(fit.labels[i]!)
      if (seen === undefined) map.set(fit.labels[i]!, truth[i]!)
      else expect(seen).toBe(truth[i])
    }
    expect(map.size).toBe(3)
    expect([...fit.sizes].sort()).toEqual([60, 60, 60])
    // centres are the blob means (within noise)
    const centres = Array.from({ length: 3 }, (_, c) => [fit.centroids[c * 2]!, fit.centroids[c * 2 + 1]!])
    for (const [x, y] of [
      [0, 0],
      [10, 0],
      [0, 10],
    ])
      expect(centres.some(([cx, cy]) => Math.hypot(cx! - x!, cy! - y!) < 0.3)).toBe(true)
  })

  it('is deterministic for a seed', () => {
    const { data } = blobs(5)
    const a = kmeans(data, 180, 2, 4, { seed: 11 })
    const b = kmeans(data, 180, 2, 4, { seed: 11 })
    expect([...a.labels]).toEqual([...b.labels])
    expect(a.inertia).toBe(b.inertia)
  })

  it('inertia is the sum of squared distances to the assigned centres', () => {
    const { data } = blobs()
    const fit = kmeans(data, 180, 2, 3, { seed: 1 })
    let s = 0
    for (let i = 0; i < 180; i++) {
      const c = fit.labels[i]!
      s += (data[i * 2]! - fit.centroids[c * 2]!) ** 2 + (data[i * 2 + 1]! - fit.centroids[c * 2 + 1]!) ** 2
    }
    // the reported inertia is from the last assignment, before the final centre update (never larger after it)
    expect(s).toBeLessThanOrEqual(fit.inertia + 1e-9)
    expect(s).toBeGreaterThan(fit.inertia * 0.99)
  })

  it('k-means++ picks distinct points when there are enough', () => {
    const { data } = blobs()
    const c = seedCentroids(data, 180, 2, 3, new Prng(1, 2))
    const pts = [0, 1, 2].map((k) => `${c[k * 2]},${c[k * 2 + 1]}`)
    expect(new Set(pts).size).toBe(3)
  })

  it('handles duplicates and k = n without empty clusters', () => {
    const data = Float64Array.from([1, 1, 1, 1, 5, 5])
    const fit = kmeans(data, 3, 2, 3, { seed: 1 })
    expect([...fit.sizes].every((s) => s >= 1)).toBe(true)
    expect(() => kmeans(data, 3, 2, 4, { seed: 1 })).toThrow()
  })

  it('silhouette matches a hand computation', () => {
    // 1-D points 0, 1 in cluster A and 4, 5 in cluster B.
    // point 0: a = 1, b = (4 + 5) / 2 = 4.5 → 1 − 1/4.5; point 1: a = 1, b = 3.5 → 1 − 1/3.5; symmetric for B.
    const data = Float64Array.from([0, 1, 4, 5])
    const labels = Int32Array.from([0, 0, 1, 1])
    const expected = (2 * (1 - 1 / 4.5) + 2 * (1 - 1 / 3.5)) / 4
    expect(silhouette(data, 4, 1, labels, 2)).toBeCloseTo(expected, 12)
    // well-separated blobs score high; a random split scores near zero
    const { data: b, truth } = blobs()
    expect(silhouette(b, 180, 2, truth, 3)).toBeGreaterThan(0.8)
    const random = Int32Array.from({ length: 180 }, (_, i) => (i * 7) % 2)
    expect(Math.abs(silhouette(b, 180, 2, random, 2))).toBeLessThan(0.1)
  })

  it('standardise gives mean 0 and sd 1 per column; a constant column becomes zeros', () => {
    const data = Float64Array.from([1, 7, 2, 7, 3, 7])
    const { mean, std } = standardise(data, 3, 2)
    expect(mean[0]).toBeCloseTo(2)
    expect(std[0]).toBeCloseTo(Math.sqrt(2 / 3))
    expect([data[1], data[3], data[5]]).toEqual([0, 0, 0])
    expect(data[0]! + data[2]! + data[4]!).toBeCloseTo(0)
  })
})
