import { z } from 'zod'
import { EXIT, type Result, StrataError } from '../../core/diagnostics.js'
import {
  backtest,
  calibrationWindow,
  fitModels,
  latestPurchaseDate,
  predictCustomer,
  saveBacktest,
} from '../../models/index.js'
import type { Connection } from '../../sql/driver.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import { timestampText } from '../clock.js'
import type { RouteModule } from '../http/context.js'

const READ = { role: 'viewer', scope: 'read' } as const
const WRITE = { role: 'analyst', scope: 'admin' } as const
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const unit = z.enum(['week', 'day']).default('week')

function valueOr<T>(r: Result<T>): T {
  if (r.ok) return r.value
  throw new StrataError(r.diagnostics[0]!, EXIT.DATA, r.diagnostics.slice(1))
}

async function calibrationEnd(conn: Connection, given: string | undefined): Promise<string> {
  if (given) return given
  const latest = await latestPurchaseDate(conn)
  if (!latest) throw new StrataError({ code: 'models.no_purchases', params: { date: '—' } }, EXIT.DATA)
  return latest
}

/** CLV model fit, one customer's prediction, backtests — the `strata clv` and `strata backtest` commands. */
export const modelRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/models/clv/fit',
    {
      config: { access: WRITE },
      schema: {
        tags: ['models'],
        summary: 'Fit BG/NBD, Pareto/NBD and Gamma-Gamma on the store',
        body: z
          .object({
            calibrationEnd: isoDate.optional(),
            unit,
            model: z.enum(['bgnbd', 'pareto', 'gg', 'all']).default('all'),
          })
          .default({ unit: 'week', model: 'all' }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const end = await calibrationEnd(conn, req.body.calibrationEnd)
        const m = valueOr(
          await fitModels(conn, calibrationWindow(end), { unit: req.body.unit, models: req.body.model }),
        )
        return {
          calibrationEnd: end,
          unit: m.unit,
          customers: m.customers,
          repeatBuyers: m.repeatBuyers,
          models: { bgnbd: m.bgnbd ?? null, pareto: m.pareto ?? null, gg: m.gg ?? null },
          warnings: m.warnings,
        }
      }),
  )

  app.get(
    '/api/models/clv/predict',
    {
      config: { access: READ },
      schema: {
        tags: ['models'],
        summary: "One customer's expected purchases, P(alive) and CLV",
        querystring: z.object({
          customer: z.string().min(1),
          calibrationEnd: isoDate.optional(),
          unit,
          horizon: z.coerce.number().positive().max(520).default(52),
          discountRate: z.coerce.number().min(0).max(1).default(0.1),
          lang: z.string().optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query
      const prediction = await ctx.db(async (conn) =>
        valueOr(
          await predictCustomer(conn, {
            customerId: await resolveCustomerId(conn, q.customer),
            horizon: q.horizon,
            unit: q.unit,
            calibrationEnd: await calibrationEnd(conn, q.calibrationEnd),
            discountRate: q.discountRate,
          }),
        ),
      )
      await ctx.audit(req, { action: 'customer.predict', customerId: prediction.customerId })
      return prediction
    },
  )

  app.post(
    '/api/models/backtest',
    {
      config: { access: WRITE },
      schema: {
        tags: ['models'],
        summary: 'How well the models predicted a holdout period (stored)',
        body: z.object({ calibrationEnd: isoDate, holdoutEnd: isoDate, unit }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const result = valueOr(await backtest(conn, { ...req.body }))
        const backtestId = await saveBacktest(conn, result, timestampText(ctx.now()))
        return { backtestId, ...result }
      }),
  )
}
