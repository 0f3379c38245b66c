import { formatDay, TIME_OF_DAY } from './calendar.js'
import { CATEGORIES, HOBBIES } from './catalog.js'
import { emailOf, type Profile, phoneOf } from './customer-profile.js'
import type { Cell } from './demo-tables.js'
import { HOURS, secondOfDay } from './hours.js'
import type { Purchases } from './order-history.js'
import { CITIES } from './people.js'
import type { Prng } from './prng.js'
import type { World } from './world.js'

/** Member level from lifetime net spend (fen), as a loyalty programme would grade it. */
export function memberLevel(netFen: number): string {
  if (netFen >= 1_000_000) return '钻石会员'
  if (netFen >= 300_000) return '金卡会员'
  if (netFen >= 50_000) return '银卡会员'
  return '普通会员'
}

/** Interests a customer states in surveys: their two strongest categories and a hobby or two. */
export function interestsOf(rng: Prng, p: Profile): string[] {
  const weights = CATEGORIES.map((_, i) => p.categoryTable[i]! - (i > 0 ? p.categoryTable[i - 1]! : 0))
  const order = weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  const list = [CATEGORIES[order[0]![1]]!.name, CATEGORIES[order[1]![1]]!.name]
  if (p.persona.name === 'new_parent') list.push('育儿')
  list.push(rng.pick(HOBBIES))
  if (rng.chance(0.3)) list.push(rng.pick(HOBBIES))
  return [...new Set(list)]
}

const SIGNUP_SOURCES: Record<string, string> = {
  app: 'app',
  mini_program: 'mini_program',
  store: 'store',
  community_group_buy: 'community',
}
const CHANNEL_NAMES = Object.keys(SIGNUP_SOURCES)

/** The `customers` row, written after the orders so member level reflects what was bought. */
export function customerCells(
  world: World,
  rng: Prng,
  p: Profile,
  purchases: Purchases,
  interests: readonly string[],
): Cell[] {
  const phone = phoneOf(world, rng, p.index)
  const email = emailOf(rng, p, phone)
  const city = CITIES[p.city]!
  const asOfDay = world.startDay + world.days
  const birth = asOfDay - Math.floor(p.age * 365.25) - rng.int(0, 364)
  const attributes: Record<string, unknown> = {
    city_tier: city.tier,
    member_level: memberLevel(purchases.netFen),
    interests,
  }
  if (p.communityId) attributes['community_id'] = p.communityId
  if (p.leader) attributes['community_leader'] = true
  // The persona that generated the customer: ground truth for checking segments, never read by analytics.
  attributes['demo_persona'] = p.persona.name
  return [
    p.id,
    email,
    phone,
    p.name,
    p.female ? 'F' : 'M',
    formatDay(birth),
    city.name,
    city.region,
    'CN',
    world.dayText[p.signupDay] + TIME_OF_DAY[secondOfDay(rng, HOURS.online)]!,
    SIGNUP_SOURCES[CHANNEL_NAMES[rng.weighted(p.channelTable)]!]!,
    rng.chance(0.7) ? 'true' : 'false',
    JSON.stringify(attributes),
  ]
}
