import { formatDay } from './calendar.js'
import type { ResolvedSpec } from './demo-options.js'
import { fenToText } from './money.js'
import type { DemoCounts } from './order-history.js'
import type { World } from './world.js'

/** What a demo run produced: the numbers the CLI prints and `--json` returns. */
export interface DemoSummary {
  readonly seed: number
  readonly asOf: string
  readonly customers: number
  /** Customers without any order (prospects). */
  readonly prospects: number
  readonly orders: number
  readonly guestOrders: number
  readonly returnOrders: number
  readonly orderItems: number
  readonly events: number
  readonly feedback: number
  /** First and last order day, `YYYY-MM-DD`. */
  readonly firstOrderDate: string | null
  readonly lastOrderDate: string | null
  /** Net revenue (purchases − returns), exact decimal text in CNY. */
  readonly revenue: string
  readonly currency: 'CNY'
}

/** The summary of a finished run. */
export function summarise(spec: ResolvedSpec, world: World, counts: DemoCounts): DemoSummary {
  const hasOrders = counts.orders > 0
  return {
    seed: spec.seed,
    asOf: spec.asOf,
    customers: counts.customers,
    prospects: counts.prospects,
    orders: counts.orders,
    guestOrders: counts.guestOrders,
    returnOrders: counts.returnOrders,
    orderItems: counts.items,
    events: counts.events,
    feedback: counts.feedback,
    firstOrderDate: hasOrders ? formatDay(world.startDay + counts.firstOrderDay) : null,
    lastOrderDate: hasOrders ? formatDay(world.startDay + counts.lastOrderDay) : null,
    revenue: fenToText(counts.revenueFen),
    currency: 'CNY',
  }
}

/** Progress of a long run: customers generated, and batches loaded into the store. */
export interface DemoProgress {
  readonly phase: 'generate' | 'load'
  readonly done: number
  readonly total: number
}
