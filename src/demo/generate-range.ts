import { writeAnonymousEvents, writeCustomerEvents } from './behaviour-events.js'
import { drawProfile } from './customer-profile.js'
import { customerCells, interestsOf } from './customer-row.js'
import type { RowSink } from './demo-tables.js'
import { type DemoCounts, writeCustomerOrders, writeGuestOrders } from './order-history.js'
import { writeFeedback } from './survey-feedback.js'
import type { World } from './world.js'

// Separate streams per part of a customer, so that changing how events are drawn does not reshuffle
// everyone's orders (and tests of one part stay stable while another evolves).
const STREAM_PROFILE = 0
const STREAM_ORDERS = 1
const STREAM_EVENTS = 2
const STREAM_FEEDBACK = 3
const STREAM_CUSTOMER = 4
const STREAM_GUESTS = 5
const STREAMS = 8

/**
 * Generates every row belonging to customer positions `from` … `to − 1`: the customer, their orders,
 * items, returns, events and survey answers, plus the guest orders and anonymous sessions attached to
 * those positions. Each position uses its own PRNG streams, so the output of a position depends only on
 * (seed, asOf, position, customer count) — never on batch boundaries.
 */
export function generateRange(
  world: World,
  from: number,
  to: number,
  sink: RowSink,
  counts: DemoCounts,
): void {
  const rng = world.rng
  for (let i = from; i < to; i++) {
    const stream = i * STREAMS
    const profile = drawProfile(world, rng.reseed(world.seed, stream + STREAM_PROFILE), i)
    const purchases = writeCustomerOrders(
      world,
      rng.reseed(world.seed, stream + STREAM_ORDERS),
      profile,
      sink,
      counts,
    )
    const interests = interestsOf(rng.reseed(world.seed, stream + STREAM_CUSTOMER), profile)
    sink.row('customers', customerCells(world, rng, profile, purchases, interests))
    counts.customers++
    if (purchases.count === 0) counts.prospects++
    writeCustomerEvents(
      world,
      rng.reseed(world.seed, stream + STREAM_EVENTS),
      profile,
      purchases,
      sink,
      counts,
    )
    writeFeedback(
      world,
      rng.reseed(world.seed, stream + STREAM_FEEDBACK),
      profile,
      purchases,
      interests,
      sink,
      counts,
    )
    const side = rng.reseed(world.seed, stream + STREAM_GUESTS)
    writeGuestOrders(world, side, i, sink, counts)
    writeAnonymousEvents(world, side, i, sink, counts)
  }
}
