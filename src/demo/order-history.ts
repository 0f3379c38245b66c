import { fillBasket, type Line, returnChance } from './basket.js'
import { civilDate, TIME_OF_DAY } from './calendar.js'
import { CATEGORIES, CATEGORY_TABLE } from './catalog.js'
import { pickCoupon } from './coupons.js'
import type { Profile } from './customer-profile.js'
import type { Cell, RowSink } from './demo-tables.js'
import { HOURS, secondOfDay } from './hours.js'
import { fenToText } from './money.js'
import { CITIES, CITY_TABLE } from './people.js'
import { CHANNELS } from './personas.js'
import type { Prng } from './prng.js'
import { MAX_INTENSITY } from './seasonality.js'
import { intensityAt, positionId, storeId, timeAtIntensity, type World } from './world.js'

/** Running totals of a demo run. */
export interface DemoCounts {
  customers: number
  /** Customers who never ordered. */
  prospects: number
  orders: number
  items: number
  events: number
  feedback: number
  guestOrders: number
  returnOrders: number
  /** Net revenue (purchases − returns) in fen. */
  revenueFen: number
  firstOrderDay: number
  lastOrderDay: number
}

export function emptyCounts(): DemoCounts {
  return {
    customers: 0,
    prospects: 0,
    orders: 0,
    items: 0,
    events: 0,
    feedback: 0,
    guestOrders: 0,
    returnOrders: 0,
    revenueFen: 0,
    firstOrderDay: Number.POSITIVE_INFINITY,
    lastOrderDay: Number.NEGATIVE_INFINITY,
  }
}

/** What a customer's order history leaves for the rest of the profile (feedback, events, member level). */
export interface Purchases {
  count: number
  netFen: number
  /** Window day of each purchase, ascending. */
  days: number[]
  orderIds: string[]
}

interface OrderSpec {
  id: string
  customerId: string | null
  day: number
  second: number
  channel: string
  store: string | null
  community: string | null
  lines: readonly Line[]
  subtotal: number
  coupon: { code: string; discountFen: number } | null
  status: string
}

const lineBuffer: Line[] = []

function emitOrder(world: World, sink: RowSink, counts: DemoCounts, o: OrderSpec, sign: 1 | -1): number {
  const discount = o.coupon?.discountFen ?? 0
  const amount = sign * (o.subtotal - discount)
  const cells: Cell[] = [
    o.id,
    o.customerId,
    world.dayText[o.day] + TIME_OF_DAY[o.second]!,
    fenToText(amount),
    'CNY',
    fenToText(sign * discount),
    o.status,
    o.channel,
    o.store,
    o.community,
    sign > 0 ? (o.coupon?.code ?? null) : null,
  ]
  sink.row('orders', cells)
  for (let i = 0; i < o.lines.length; i++) {
    const l = o.lines[i]!
    const c = CATEGORIES[l.category]!
    const p = c.products[l.product]!
    sink.row('order_items', [
      o.id,
      String(i + 1),
      p.sku,
      p.name,
      c.name,
      p.brand,
      String(sign * l.quantity),
      fenToText(p.priceFen),
    ])
  }
  counts.orders++
  counts.items += o.lines.length
  counts.revenueFen += amount
  if (o.day < counts.firstOrderDay) counts.firstOrderDay = o.day
  if (o.day > counts.lastOrderDay) counts.lastOrderDay = o.day
  return amount
}

/**
 * Returns of an order, decided when it is placed: a whole-order refund (the order is marked `refunded`
 * and a negative return order `…-R` follows) or a partial return of one line (a negative order for that
 * line, the discount shared pro rata). Returns land 2–14 days later and never on or after asOf.
 */
function writeReturn(
  world: World,
  rng: Prng,
  sink: RowSink,
  counts: DemoCounts,
  o: OrderSpec,
  full: boolean,
): number {
  const day = o.day + rng.int(2, 14)
  let returned: OrderSpec
  if (full) {
    returned = { ...o, id: `${o.id}-R`, day, second: rng.int(9 * 3600, 21 * 3600), status: 'refunded' }
  } else {
    const line = o.lines[rng.int(0, o.lines.length - 1)]!
    const value = line.quantity * CATEGORIES[line.category]!.products[line.product]!.priceFen
    const share = o.coupon ? Math.round((o.coupon.discountFen * value) / o.subtotal) : 0
    returned = {
      ...o,
      id: `${o.id}-R`,
      day,
      second: rng.int(9 * 3600, 21 * 3600),
      lines: [line],
      subtotal: value,
      coupon: o.coupon ? { code: o.coupon.code, discountFen: share } : null,
      status: 'refunded',
    }
  }
  if (day >= world.days) throw new Error('return after asOf') // callers check first
  counts.returnOrders++
  return emitOrder(world, sink, counts, returned, -1)
}

/**
 * Writes the orders (and their items and returns) of one customer: purchases follow a Poisson process at
 * the customer's own rate, thinned by the day's seasonality and the customer's weekday habit, from the
 * first order until the customer stops (their end day, a per-purchase dropout, or asOf).
 */
export function writeCustomerOrders(
  world: World,
  rng: Prng,
  p: Profile,
  sink: RowSink,
  counts: DemoCounts,
): Purchases {
  const purchases: Purchases = { count: 0, netFen: 0, days: [], orderIds: [] }
  const persona = p.persona
  if (persona.maxOrders === 0) return purchases
  const cum = persona.weekend ? world.cumWeekend : world.cumIntensity
  const hourHabit = persona.hours === 'night' ? HOURS.night : HOURS.online
  const city = CITIES[p.city]!
  // Purchases form a Poisson process in "intensity time": exponential gaps of mean 1 / rate, mapped back
  // to calendar time through the seasonality (and weekend habit) running sums.
  let u = intensityAt(cum, p.firstDay + rng.next())
  const uEnd = cum[p.endDay]!
  let seq = 0
  const stem = positionId(world, 'DO', p.index)
  while (seq < persona.maxOrders && u < uEnd) {
    const day = Math.min(p.endDay - 1, Math.floor(timeAtIntensity(cum, u)))
    seq++
    let channel = CHANNELS[rng.weighted(p.channelTable)]!
    if (channel === 'community_group_buy' && !p.communityId) channel = 'app'
    const table =
      channel === 'store' ? HOURS.store : channel === 'community_group_buy' ? HOURS.community : hourHabit
    const size = 1 + Math.min(7, rng.poisson(channel === 'community_group_buy' ? 0.7 : persona.basket))
    const subtotal = fillBasket(rng, lineBuffer, size, p.categoryTable, p.spendLevel)
    const promotion = world.promotion[day] === 1
    const useCoupon = rng.chance(Math.min(0.99, p.discount * (promotion ? 1.7 : 1)))
    const community = channel === 'community_group_buy' ? p.communityId : null
    const coupon = useCoupon
      ? pickCoupon(rng, subtotal, {
          first: seq === 1,
          promotion,
          month: civilDate(world.startDay + day).month,
          community,
        })
      : null
    const order: OrderSpec = {
      id: `${stem}${String(seq).padStart(3, '0')}`,
      customerId: p.id,
      day,
      second: secondOfDay(rng, table),
      channel,
      store:
        channel === 'store'
          ? storeId(p.city, rng.chance(0.85) ? p.homeStore : rng.int(1, city.stores))
          : null,
      community,
      lines: lineBuffer.slice(),
      subtotal,
      coupon,
      status: 'paid',
    }
    const returns = rng.chance(returnChance(order.lines) * (persona.name === 'price_hunter' ? 1.5 : 1))
    const returnDay = day + 14
    const full = order.lines.length === 1 || rng.chance(0.5)
    if (returns && returnDay < world.days && full) order.status = 'refunded'
    let net = emitOrder(world, sink, counts, order, 1)
    if (returns && returnDay < world.days) net += writeReturn(world, rng, sink, counts, order, full)
    purchases.count++
    purchases.netFen += net
    purchases.days.push(day)
    purchases.orderIds.push(order.id)
    if (rng.chance(persona.dropout)) break
    u += rng.exp(1 / p.rate)
  }
  return purchases
}

/** Mean guest orders (no customer id: walk-ins and checkouts without login) per customer position. */
export const GUEST_ORDERS_PER_CUSTOMER = 0.2
const GUEST_CHANNELS = ['store', 'store', 'store', 'mini_program', 'mini_program', 'app'] as const
/** Guest orders attached to a customer position (so they, too, depend only on seed and position). */
export function writeGuestOrders(
  world: World,
  rng: Prng,
  index: number,
  sink: RowSink,
  counts: DemoCounts,
): void {
  const n = rng.poisson(GUEST_ORDERS_PER_CUSTOMER)
  for (let k = 1; k <= n; k++) {
    let day = rng.int(0, world.days - 1)
    while (!rng.chance(world.intensity[day]! / MAX_INTENSITY)) day = rng.int(0, world.days - 1)
    const channel = rng.pick(GUEST_CHANNELS)
    const cityIndex = rng.weighted(CITY_TABLE)
    const subtotal = fillBasket(rng, lineBuffer, 1 + Math.min(5, rng.poisson(1.2)), CATEGORY_TABLE, 0)
    emitOrder(
      world,
      sink,
      counts,
      {
        id: `${positionId(world, 'DG', index)}${String(k).padStart(2, '0')}`,
        customerId: null,
        day,
        second: secondOfDay(rng, channel === 'store' ? HOURS.store : HOURS.online),
        channel,
        store: channel === 'store' ? storeId(cityIndex, rng.int(1, CITIES[cityIndex]!.stores)) : null,
        community: null,
        lines: lineBuffer.slice(),
        subtotal,
        coupon: rng.chance(0.1)
          ? { code: 'ZK95', discountFen: Math.max(1, Math.round(subtotal * 0.05)) }
          : null,
        status: 'paid',
      },
      1,
    )
    counts.guestOrders++
  }
}
