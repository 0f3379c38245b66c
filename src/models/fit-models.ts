import type { Diagnostic, Result } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { type BgnbdFit, fitBgnbd } from './bgnbd-fit.js'
import { fitBgnbdInStore } from './bgnbd-fit-in-store.js'
import type { BtydData, TimeUnit } from './btyd-data.js'
import {
  type CalibrationPeriod,
  createSummaryTable,
  createTuplesTable,
  loadBtydTuples,
  loadSpendBins,
} from './btyd-summary.js'
import { fitGammaGamma, type GammaGammaFit } from './gamma-gamma.js'
import { fitParetoNbd, type ParetoNbdFit } from './pareto-nbd.js'

/** Which models to fit. */
export type ModelChoice = 'bgnbd' | 'pareto' | 'gg' | 'bgnbd+gg' | 'all'

export interface FitOptions {
  readonly unit: TimeUnit
  readonly models?: ModelChoice
  /** Fewer repeat buyers than this and the frequency models refuse to fit (default 20). */
  readonly minRepeatBuyers?: number
  /** Name of the TEMP summary table (kept for scoring). */
  readonly summaryTable?: string
}

/** The fitted models plus the data they saw; the per-customer summary stays in `summaryTable`. */
export interface FittedModels {
  readonly summaryTable: string
  /** The collapsed (x, tx_days, T_days, n) table. */
  readonly tuplesTable: string
  readonly unit: TimeUnit
  readonly period: CalibrationPeriod
  /** The collapsed rows in TypeScript; a thinned copy when `dataComplete` is false (large data). */
  readonly data: BtydData
  readonly dataComplete: boolean
  readonly customers: number
  readonly repeatBuyers: number
  readonly bgnbd?: BgnbdFit
  readonly pareto?: ParetoNbdFit
  /** Absent when there are too few repeat buyers or the fit has q ≤ 1 (no finite mean spend). */
  readonly gg?: GammaGammaFit
  /** Non-fatal notes (e.g. Gamma-Gamma skipped). */
  readonly warnings: readonly Diagnostic[]
}

export const DEFAULT_MIN_REPEAT_BUYERS = 20
/** Above this many distinct (x, t_x, T) rows a BG/NBD(+GG) fit runs in the store (Pareto/NBD always loads all rows). */
export const IN_MEMORY_ROWS = 50_000
/** Size of the thinned copy used to find starting points for in-store fits. */
const COARSE_ROWS = 10_000

/**
 * Summarises the calibration period in SQL and fits the chosen models, or explains why the data cannot
 * support them (no purchases, a single day of history, too few repeat buyers, a fit that diverged).
 *
 * @example
 * const fitted = await fitModels(conn, calibrationWindow('1997-09-30'), { unit: 'week', models: 'all' })
 * if (fitted.ok) fitted.value.bgnbd?.params.r
 */
export async function fitModels(
  conn: Connection,
  period: CalibrationPeriod,
  options: FitOptions,
): Promise<Result<FittedModels>> {
  const models = options.models ?? 'all'
  const minRepeat = options.minRepeatBuyers ?? DEFAULT_MIN_REPEAT_BUYERS
  const summaryTable = await createSummaryTable(conn, period, options.summaryTable)
  const tuples = await createTuplesTable(conn, summaryTable)
  const at = { field: 'calibration_end', value: period.measureTo }
  if (tuples.customers === 0)
    return refuse({ code: 'models.no_purchases', params: { date: period.ordersBefore }, at })
  if (tuples.maxTDays <= 0)
    return refuse({ code: 'models.one_day_of_history', params: { date: period.measureTo }, at })
  const repeat = tuples.repeatBuyers
  const wantsFrequency = models !== 'gg'
  if (repeat < minRepeat) {
    return refuse({
      code: 'models.too_few_repeat_buyers',
      params: { n: repeat, min: minRepeat, customers: tuples.customers },
      at,
    })
  }
  // Small data comes into TypeScript whole; large data stays in the store and only a thinned copy comes
  // in, to search starting points on (the BG/NBD likelihood is then finished as SQL aggregates).
  const inStore = tuples.rows > IN_MEMORY_ROWS && models !== 'pareto' && models !== 'all'
  const every = inStore ? Math.ceil(tuples.rows / COARSE_ROWS) : 1
  const data = await loadBtydTuples(conn, tuples.table, options.unit, every)
  const warnings: Diagnostic[] = []
  const fits: { bgnbd?: BgnbdFit; pareto?: ParetoNbdFit; gg?: GammaGammaFit } = {}
  if (wantsFrequency && models !== 'pareto') {
    fits.bgnbd = inStore
      ? await fitBgnbdInStore(conn, tuples.table, options.unit, data, tuples)
      : fitBgnbd(data)
  }
  if (wantsFrequency && (models === 'all' || models === 'pareto')) fits.pareto = fitParetoNbd(data)
  for (const fit of [fits.bgnbd, fits.pareto]) {
    if (fit && !Object.values<number>(fit.params).every((v) => Number.isFinite(v) && v > 0)) {
      return refuse({ code: 'models.fit_failed', params: { model: fit.model }, at })
    }
  }
  if (models === 'all' || models === 'gg' || models === 'bgnbd+gg') {
    const gg = fitGammaGamma(await loadSpendBins(conn, summaryTable))
    if (gg.params.q > 1 && Object.values<number>(gg.params).every(Number.isFinite)) fits.gg = gg
    else warnings.push({ code: 'models.gg_unusable', params: { q: gg.params.q }, severity: 'warning' })
  }
  return {
    ok: true,
    value: {
      summaryTable,
      tuplesTable: tuples.table,
      unit: options.unit,
      period,
      data,
      dataComplete: !inStore,
      customers: tuples.customers,
      repeatBuyers: repeat,
      ...fits,
      warnings,
    },
  }
}

function refuse(d: Diagnostic): Result<FittedModels> {
  return { ok: false, diagnostics: [d] }
}
