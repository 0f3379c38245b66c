import { CATEGORY_INDEX } from './catalog.js'

/**
 * The latent behaviour behind each demo customer. Segments are *found* by analytics, never written into
 * the data; personas only shape how a customer buys, so every behaviour a segment looks for exists with
 * realistic noise around it (heterogeneous Poisson purchasing with dropout, as BTYD models assume).
 */
export type PersonaName =
  | 'prospect'
  | 'champion'
  | 'loyal'
  | 'regular'
  | 'new'
  | 'one_timer'
  | 'lapsed_vip'
  | 'at_risk'
  | 'hibernating'
  | 'price_hunter'
  | 'night_owl'
  | 'weekend'
  | 'community'
  | 'community_leader'
  | 'new_parent'
  | 'appliance'

/** Channel order: the `channel` values of orders. */
export const CHANNELS = ['app', 'mini_program', 'store', 'community_group_buy'] as const
export type Channel = (typeof CHANNELS)[number]

export type HourHabit = 'day' | 'night'

export interface Persona {
  readonly name: PersonaName
  /** Share of customers (percent); the leader persona is assigned by position instead. */
  readonly weight: number
  /** Median purchase rate, orders per day (each customer draws a log-normal rate around it). */
  readonly rate: number
  /** First order between these many days before asOf (inclusive range, clipped to the window). */
  readonly firstAgo: readonly [number, number]
  /** Stops buying between these many days before asOf; absent = still alive at asOf. */
  readonly endAgo?: readonly [number, number]
  /** Chance to drop out after each purchase (the BG/NBD "p"). */
  readonly dropout: number
  readonly maxOrders: number
  /** Leaning of product choice: −3 cheapest … +3 premium. */
  readonly spend: number
  /** Mean number of extra lines per basket. */
  readonly basket: number
  /** Chance that an order uses a coupon, drawn per customer in this range. */
  readonly discount: readonly [number, number]
  /** Weights of app, mini_program, store, community_group_buy. */
  readonly channels: readonly [number, number, number, number]
  /** Multipliers on the category weights. */
  readonly boost?: Readonly<Record<string, number>>
  readonly hours: HourHabit
  /** Buys mostly on Saturday and Sunday. */
  readonly weekend?: boolean
  readonly femaleShare: number
  readonly age?: readonly [number, number]
  /** Mean number of behaviour events in the last year. */
  readonly events: number
  /** Chance of answering the NPS survey, and the NPS range they answer in. */
  readonly survey: number
  readonly nps: readonly [number, number]
}

const W = 1095 // the history window, days
const base = {
  dropout: 0.01,
  maxOrders: 999,
  spend: 0,
  basket: 1.1,
  discount: [0.12, 0.35] as const,
  channels: [40, 30, 28, 2] as const,
  hours: 'day' as const,
  femaleShare: 0.58,
  events: 4,
  survey: 0.18,
  nps: [5, 10] as const,
}

export const PERSONAS: readonly Persona[] = [
  { ...base, name: 'prospect', weight: 10, rate: 0, firstAgo: [0, W], maxOrders: 0, events: 3, survey: 0 },
  {
    ...base,
    name: 'champion',
    weight: 4,
    rate: 0.044,
    firstAgo: [400, W],
    dropout: 0.001,
    spend: 1.2,
    basket: 1.5,
    channels: [45, 25, 27, 3],
    events: 14,
    survey: 0.35,
    nps: [8, 10],
  },
  {
    ...base,
    name: 'loyal',
    weight: 9,
    rate: 0.018,
    firstAgo: [270, W],
    dropout: 0.003,
    spend: 0.5,
    channels: [35, 25, 37, 3],
    events: 9,
    survey: 0.25,
    nps: [7, 10],
  },
  { ...base, name: 'regular', weight: 16, rate: 0.0095, firstAgo: [60, W], dropout: 0.05 },
  {
    ...base,
    name: 'new',
    weight: 5,
    rate: 0.035,
    firstAgo: [1, 45],
    maxOrders: 3,
    events: 6,
    survey: 0.1,
    nps: [6, 10],
  },
  {
    ...base,
    name: 'one_timer',
    weight: 13,
    rate: 0.009,
    firstAgo: [30, W],
    maxOrders: 1,
    spend: -0.3,
    events: 2,
    survey: 0.08,
    nps: [2, 8],
  },
  {
    ...base,
    name: 'lapsed_vip',
    weight: 2.5,
    rate: 0.039,
    firstAgo: [560, W],
    endAgo: [200, 540],
    dropout: 0,
    spend: 2,
    basket: 1.6,
    events: 1,
    survey: 0.2,
    nps: [0, 6],
  },
  {
    ...base,
    name: 'at_risk',
    weight: 7,
    rate: 0.017,
    firstAgo: [300, W],
    endAgo: [75, 150],
    dropout: 0,
    spend: 0.3,
    events: 3,
    survey: 0.15,
    nps: [3, 8],
  },
  {
    ...base,
    name: 'hibernating',
    weight: 8.5,
    rate: 0.007,
    firstAgo: [300, W],
    endAgo: [240, 700],
    dropout: 0.1,
    spend: -0.5,
    events: 1,
    survey: 0.08,
    nps: [3, 8],
  },
  {
    ...base,
    name: 'price_hunter',
    weight: 6,
    rate: 0.019,
    firstAgo: [120, W],
    spend: -1,
    discount: [0.9, 0.99],
    channels: [45, 40, 13, 2],
    events: 8,
    nps: [5, 8],
  },
  {
    ...base,
    name: 'night_owl',
    weight: 3,
    rate: 0.019,
    firstAgo: [120, W],
    channels: [70, 30, 0, 0],
    hours: 'night',
    femaleShare: 0.5,
    events: 10,
  },
  {
    ...base,
    name: 'weekend',
    weight: 4,
    rate: 0.022,
    firstAgo: [120, W],
    channels: [25, 15, 60, 0],
    weekend: true,
    basket: 1.7,
  },
  {
    ...base,
    name: 'community',
    weight: 6,
    rate: 0.03,
    firstAgo: [90, W],
    spend: -0.8,
    basket: 0.8,
    channels: [0, 15, 0, 85],
    boost: { 生鲜: 2.2, 粮油: 1.6, 零食: 1.3, 家电: 0.1, 美妆: 0.3 },
    femaleShare: 0.7,
    age: [28, 70],
    survey: 0.2,
    nps: [6, 10],
  },
  {
    ...base,
    name: 'community_leader',
    weight: 0,
    rate: 0.052,
    firstAgo: [500, W],
    dropout: 0,
    spend: -0.3,
    channels: [5, 10, 0, 85],
    boost: { 生鲜: 2.2, 粮油: 1.6, 零食: 1.3 },
    femaleShare: 0.75,
    age: [28, 55],
    events: 12,
    survey: 0.5,
    nps: [8, 10],
  },
  {
    ...base,
    name: 'new_parent',
    weight: 3,
    rate: 0.03,
    firstAgo: [30, 600],
    dropout: 0.004,
    spend: 0.6,
    channels: [50, 35, 15, 0],
    boost: { 母婴: 14, 酒水: 0.3 },
    femaleShare: 0.78,
    age: [25, 38],
    events: 10,
  },
  {
    ...base,
    name: 'appliance',
    weight: 2.5,
    rate: 0.0035,
    firstAgo: [60, W],
    dropout: 0.05,
    spend: 1.5,
    basket: 0.6,
    channels: [55, 15, 30, 0],
    boost: { 家电: 150 },
    femaleShare: 0.45,
    age: [26, 60],
    events: 8,
  },
]

export const PERSONA_BY_NAME: Readonly<Record<PersonaName, Persona>> = Object.fromEntries(
  PERSONAS.map((p) => [p.name, p]),
) as Record<PersonaName, Persona>

/** Category weight multipliers of a persona, as an array in category order. */
export function categoryBoosts(persona: Persona, count: number): number[] {
  const boosts = new Array<number>(count).fill(1)
  for (const [name, factor] of Object.entries(persona.boost ?? {})) {
    const i = CATEGORY_INDEX[name]
    if (i === undefined) throw new Error(`persona ${persona.name}: unknown category ${name}`)
    boosts[i] = factor
  }
  return boosts
}

/** One customer in this many leads a community (团长); the others in the block may buy through it. */
export const COMMUNITY_BLOCK = 200
