import { TIME_OF_DAY } from './calendar.js'
import { CATEGORIES, CATEGORY_TABLE, PRODUCT_TABLES } from './catalog.js'
import type { Profile } from './customer-profile.js'
import type { RowSink } from './demo-tables.js'
import { HOURS, secondOfDay } from './hours.js'
import type { DemoCounts, Purchases } from './order-history.js'
import { cumulative, type Prng } from './prng.js'
import { positionId, type World } from './world.js'

/** Behaviour tracking started a year before asOf (older history has orders only, as in most shops). */
export const EVENT_HISTORY_DAYS = 365
const TYPES = ['view', 'search', 'click', 'add_to_cart'] as const
const TYPE_TABLE = cumulative([50, 15, 22, 13])
const PLATFORMS = ['app', 'mini_program'] as const

function properties(rng: Prng, type: string, categoryTable: Float64Array, level: number): string {
  const category = rng.weighted(categoryTable)
  const c = CATEGORIES[category]!
  const platform = rng.chance(0.6) ? PLATFORMS[0] : PLATFORMS[1]
  if (type === 'search') return `{"query":"${rng.pick(c.queries)}","platform":"${platform}"}`
  const product = c.products[rng.weighted(PRODUCT_TABLES[category]![level]!)]!
  return `{"sku":"${product.sku}","category":"${c.name}","platform":"${platform}"}`
}

/**
 * Browse / search / click / add-to-cart events of a known customer in the tracked year, more for
 * active customers; those who stopped buying stop browsing a few weeks later.
 */
export function writeCustomerEvents(
  world: World,
  rng: Prng,
  p: Profile,
  purchases: Purchases,
  sink: RowSink,
  counts: DemoCounts,
): void {
  const from = Math.max(p.signupDay, world.days - EVENT_HISTORY_DAYS)
  const to = Math.min(world.days, p.endDay + 21)
  if (to <= from) return
  const activity = purchases.count > 20 ? 1.5 : 1
  const n = Math.min(999, rng.poisson(p.persona.events * activity * (0.4 + 1.2 * rng.next())))
  const hours = p.persona.hours === 'night' ? HOURS.night : HOURS.online
  const prefix = positionId(world, 'DE', p.index)
  for (let k = 1; k <= n; k++) {
    const day = rng.int(from, to - 1)
    const type = TYPES[rng.weighted(TYPE_TABLE)]!
    sink.row('events', [
      prefix + String(k).padStart(3, '0'),
      p.id,
      null,
      world.dayText[day] + TIME_OF_DAY[secondOfDay(rng, hours)]!,
      type,
      properties(rng, type, p.categoryTable, p.spendLevel + 3),
    ])
    counts.events++
  }
}

/** Mean anonymous events (visitors who never logged in) per customer position. */
export const ANONYMOUS_EVENTS_PER_CUSTOMER = 0.6

/** A short anonymous browsing session attached to a customer position, or none. */
export function writeAnonymousEvents(
  world: World,
  rng: Prng,
  index: number,
  sink: RowSink,
  counts: DemoCounts,
): void {
  if (!rng.chance(ANONYMOUS_EVENTS_PER_CUSTOMER / 2.5)) return
  const n = 1 + rng.poisson(1.5)
  const anonymousId = `anon-${rng.u32().toString(16).padStart(8, '0')}`
  const day = rng.int(world.days - EVENT_HISTORY_DAYS, world.days - 1)
  let second = secondOfDay(rng, HOURS.online)
  const prefix = positionId(world, 'DA', index)
  for (let k = 1; k <= n; k++) {
    const type = TYPES[rng.weighted(TYPE_TABLE)]!
    sink.row('events', [
      prefix + String(k).padStart(2, '0'),
      null,
      anonymousId,
      world.dayText[day] + TIME_OF_DAY[second]!,
      type,
      properties(rng, type, CATEGORY_TABLE, 3),
    ])
    second = Math.min(86399, second + rng.int(5, 240))
    counts.events++
  }
}
