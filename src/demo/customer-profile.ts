import { CATEGORIES } from './catalog.js'
import {
  CITIES,
  CITY_TABLE,
  EMAIL_DOMAIN_TABLE,
  EMAIL_DOMAINS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  GIVEN_SHARED,
  MOBILE_PREFIXES,
  SURNAME_LIST,
  SURNAME_TABLE,
} from './people.js'
import { categoryBoosts, PERSONA_BY_NAME, PERSONAS, type Persona } from './personas.js'
import { cumulative, type Prng } from './prng.js'
import { communityOf, positionId, type World } from './world.js'

/** A demo customer before any order: identity, demographics and the latent habits that drive buying. */
export interface Profile {
  readonly index: number
  readonly id: string
  readonly persona: Persona
  readonly female: boolean
  readonly name: string
  readonly surnamePinyin: string
  readonly age: number
  readonly city: number
  readonly homeStore: number
  readonly communityId: string | null
  readonly leader: boolean
  /** Window day indexes; `firstDay` is the first order (or, for prospects, nothing). */
  readonly signupDay: number
  readonly firstDay: number
  /** The day the customer stops buying (exclusive); the window length when still alive. */
  readonly endDay: number
  readonly rate: number
  readonly spendLevel: number
  readonly discount: number
  readonly channelTable: Float64Array
  readonly categoryTable: Float64Array
}

const PERSONA_TABLE = cumulative(PERSONAS.map((p) => p.weight))
const BASE_CATEGORY_WEIGHTS = CATEGORIES.map((c) => c.weight)
// Age mix of a Chinese grocery / e-commerce customer base, by band [from, to, weight].
const AGE_BANDS: readonly (readonly [number, number, number])[] = [
  [18, 24, 12],
  [25, 34, 32],
  [35, 44, 26],
  [45, 54, 16],
  [55, 64, 9],
  [65, 75, 5],
]
const AGE_TABLE = cumulative(AGE_BANDS.map((b) => b[2]))

/** Customer id of position `index`: `DC` and a zero-padded number, sortable as text. */
export function customerId(world: World, index: number): string {
  return positionId(world, 'DC', index)
}

/**
 * Draws the customer at `index` from its own stream: the same seed and index always give the same
 * person, whatever the batch size.
 *
 * @example
 * const p = drawProfile(world, world.rng.reseed(world.seed, 7), 7)
 */
export function drawProfile(world: World, rng: Prng, index: number): Profile {
  const W = world.days
  const community = communityOf(world, index)
  const leader = index === community.leader
  const persona = leader ? PERSONA_BY_NAME.community_leader : PERSONAS[rng.weighted(PERSONA_TABLE)]!
  const female = rng.chance(persona.femaleShare)
  let age: number
  if (persona.age) age = rng.int(persona.age[0], persona.age[1])
  else {
    const band = AGE_BANDS[rng.weighted(AGE_TABLE)]!
    age = rng.int(band[0], band[1])
  }
  const [surname, surnamePinyin] = SURNAME_LIST[rng.weighted(SURNAME_TABLE)]!
  const chars = female ? GIVEN_FEMALE : GIVEN_MALE
  const given = rng.chance(0.7)
    ? (rng.chance(0.2) ? rng.pick(GIVEN_SHARED) : rng.pick(chars)) + rng.pick(chars)
    : rng.pick(chars)

  const usesCommunity = persona.channels[3] > 0
  // Members of a community live where it is; others are spread by the city weights.
  const city = usesCommunity ? community.city : rng.weighted(CITY_TABLE)
  const homeStore = rng.int(1, CITIES[city]!.stores)

  // Timeline: the first order, and for personas that stop, the day they stop (always after the first).
  let endDay = W
  let firstDay: number
  if (persona.endAgo) {
    const endAgo = rng.int(persona.endAgo[0], persona.endAgo[1])
    endDay = W - endAgo
    const lo = Math.max(persona.firstAgo[0], endAgo + 20)
    firstDay = W - rng.int(lo, Math.max(lo, persona.firstAgo[1]))
  } else {
    firstDay = W - rng.int(persona.firstAgo[0], persona.firstAgo[1])
  }
  firstDay = Math.max(0, Math.min(W - 1, firstDay))
  // Most people sign up the day of their first order; some browse for weeks first.
  const lag = rng.chance(0.55) ? 0 : Math.floor(rng.exp(25))
  const signupDay = Math.max(0, firstDay - lag)

  const channelWeights = [...persona.channels]
  // Occasional community buying by ordinary customers living where their block's community is.
  if (!usesCommunity && city === community.city && persona.maxOrders > 1) channelWeights[3] = 8
  const boosts = categoryBoosts(persona, CATEGORIES.length)
  const categoryWeights = BASE_CATEGORY_WEIGHTS.map((w, i) => w * boosts[i]! * (0.5 + rng.next()))
  return {
    index,
    id: customerId(world, index),
    persona,
    female,
    name: surname + given,
    surnamePinyin,
    age,
    city,
    homeStore,
    communityId: usesCommunity || channelWeights[3]! > 0 ? community.id : null,
    leader,
    signupDay,
    firstDay,
    endDay,
    rate: persona.rate * Math.exp(0.45 * rng.normal()),
    spendLevel: Math.max(-3, Math.min(3, Math.round(persona.spend + 0.8 * rng.normal()))),
    discount: persona.discount[0] + (persona.discount[1] - persona.discount[0]) * rng.next(),
    channelTable: cumulative(channelWeights),
    categoryTable: cumulative(categoryWeights),
  }
}

/** Valid-looking, unique mobile number: a carrier prefix and 8 digits from a bijection of the index. */
export function phoneOf(world: World, rng: Prng, index: number): string {
  // 39916801 is coprime with 10^8, so index → suffix is one-to-one for up to 10^8 customers.
  const suffix = ((index + 1) * 39916801 + (world.seed % 100_000_000)) % 100_000_000
  // E.164, the form the importers normalise phones to, so identities match across sources.
  return `+86${rng.pick(MOBILE_PREFIXES)}${String(suffix).padStart(8, '0')}`
}

/** An e-mail for a share of customers (unique: it embeds the unique phone suffix). */
export function emailOf(rng: Prng, profile: Profile, phone: string): string | null {
  if (!rng.chance(0.45)) return null
  const domain = EMAIL_DOMAINS[rng.weighted(EMAIL_DOMAIN_TABLE)]!
  const digits = phone.slice(6)
  if (domain === 'qq.com' || domain === 'foxmail.com') return `${Number(`1${digits}`)}@${domain}`
  return `${profile.surnamePinyin}${digits}@${domain}`
}
