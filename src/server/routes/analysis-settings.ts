import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { DEFAULT_CONFIG } from '../../analytics/analysis-config.js'
import { configFileBeside, configOrThrow, loadAnalysisConfig } from '../../analytics/analysis-config-file.js'
import { parseAnalysisConfig } from '../../analytics/analysis-config-parse.js'
import { allCodes } from '../../analytics/rfm-segment-map.js'
import '../../i18n/messages/web.js'
import type { RouteModule } from '../http/context.js'
import { ApiError } from '../http/errors.js'

const ADMIN = { role: 'admin', scope: 'admin' } as const

function readRaw(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {}
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'))
  return typeof json === 'object' && json !== null && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : {}
}

const num = z.number().finite()
const body = z.object({
  rfm: z
    .object({ segments: z.record(z.string().min(1).max(100), z.array(z.string().max(10)).max(200)) })
    .optional(),
  lifecycle: z
    .object({
      churnDays: num,
      oneTimeAtRiskDays: num,
      atRiskIntervalMultiple: num,
      atRiskMinDays: num,
      loyal: z.object({ minOrders: num, minR: num, minF: num }).partial(),
      pAliveChurn: num,
    })
    .partial()
    .optional(),
  valueTiers: z
    .object({ basis: z.enum(['monetary', 'clv']), high: num, potential: num, regular: num })
    .partial()
    .optional(),
})

/**
 * The RFM segment map, lifecycle rules and value tiers the next analysis runs with — read from and saved
 * to the same `strata.config.json` that `strata analyze` and `POST /api/analyze` read, checked by the core's
 * own config parser (which runs the segment-map checker: every code exactly once). Admins only.
 */
export const analysisSettingsRoutes: RouteModule = (app, ctx) => {
  const current = () => {
    const file = configFileBeside(ctx.store.path)
    const config = loadAnalysisConfig(ctx.store.path)
    return {
      file,
      saved: file !== null && existsSync(file),
      bins: config.rfm.bins,
      codes: allCodes(config.rfm.bins),
      rfm: { segments: config.rfm.segments },
      lifecycle: config.lifecycle,
      valueTiers: config.valueTiers,
      defaults: {
        rfm: { segments: DEFAULT_CONFIG.rfm.segments },
        lifecycle: DEFAULT_CONFIG.lifecycle,
        valueTiers: DEFAULT_CONFIG.valueTiers,
      },
    }
  }
  app.get(
    '/api/settings/analysis',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['analysis'],
        summary: 'The RFM segment map, lifecycle rules and value tiers the next analysis uses',
      },
    },
    async () => current(),
  )
  app.put(
    '/api/settings/analysis',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['analysis'],
        summary:
          'Save the RFM segment map, lifecycle rules and value tiers for the next analysis (checked; 400 lists every problem)',
        body,
      },
    },
    async (req) => {
      const file = configFileBeside(ctx.store.path)
      if (file === null) throw new ApiError(409, 'web.settings.no_file')
      const raw = readRaw(file)
      const obj = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {})
      const b = req.body
      // Only the parts edited here change; anything else in the file (channels, thresholds…) is kept.
      const next: Record<string, unknown> = { ...raw }
      if (b.rfm) next['rfm'] = { ...obj(raw['rfm']), segments: b.rfm.segments }
      if (b.lifecycle) {
        const before = obj(raw['lifecycle'])
        next['lifecycle'] = {
          ...before,
          ...b.lifecycle,
          ...(b.lifecycle.loyal ? { loyal: { ...obj(before['loyal']), ...b.lifecycle.loyal } } : {}),
        }
      }
      if (b.valueTiers) next['valueTiers'] = { ...obj(raw['valueTiers']), ...b.valueTiers }
      configOrThrow(parseAnalysisConfig(next, 'strata.config.json'))
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`)
      renameSync(tmp, file)
      await ctx.audit(req, {
        action: 'settings.analysis',
        detail: { parts: Object.keys(b).filter((k) => b[k as keyof typeof b] !== undefined) },
      })
      return current()
    },
  )
}
