import { cumulative, type Prng } from './prng.js'

// Relative order intensity per hour of day, 0 … 23. Online shopping peaks 19–22 h with a lunch bump;
// stores trade 8–22 h; 团购 接龙 happens when the leader posts (morning) and after dinner; night owls
// shop 22–2 h.
const ONLINE = [
  0.5, 0.25, 0.12, 0.06, 0.05, 0.1, 0.4, 1, 1.6, 2, 2.3, 2.5, 2.6, 2.1, 1.8, 1.8, 2, 2.5, 3, 3.7, 4.2, 4, 2.8,
  1.3,
]
const NIGHT = [
  6, 4.5, 2.5, 1, 0.3, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.5, 0.6, 0.5, 0.4, 0.4, 0.5, 0.6, 0.8, 1, 1.5, 2.5, 5,
  6.5,
]
const STORE = [
  0, 0, 0, 0, 0, 0, 0, 0.3, 1.8, 2.6, 2.8, 2.4, 2, 1.6, 1.5, 1.7, 2.2, 3, 3.4, 3.2, 2.5, 1.5, 0.6, 0,
]
const COMMUNITY = [
  0.2, 0.05, 0, 0, 0, 0.1, 0.8, 2.5, 4, 3.5, 2.2, 1.5, 1.5, 1, 0.8, 0.8, 1, 1.5, 2.5, 3.5, 4, 3, 1.2, 0.5,
]

export const HOURS = {
  online: cumulative(ONLINE),
  night: cumulative(NIGHT),
  store: cumulative(STORE),
  community: cumulative(COMMUNITY),
} as const

/** A second of the day (0 … 86399) from an hour table. */
export function secondOfDay(rng: Prng, table: Float64Array): number {
  return rng.weighted(table) * 3600 + Math.floor(rng.next() * 3600)
}
