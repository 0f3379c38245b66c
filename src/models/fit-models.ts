import type { Diagnostic, Result } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { type BgnbdFit, fitBgnbd } from './bgnbd-fit.js'
import { type BtydData, repeatBuyers, type TimeUnit } from './btyd-data.js'
import { type CalibrationPeriod, createSummaryTable, loadBtydData, loadSpendBins } from './btyd-summary.js'
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
  readonly unit: TimeUnit
  readonly period: CalibrationPeriod
  readonly data: BtydData
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
  const data = await loadBtydData(conn, summaryTable, options.unit)
  const at = { field: 'calibration_end', value: period.measureTo }
  if (data.customers === 0) return refuse({ code: 'models.no_purchases', params: { date: period.ordersBefore }, at })
  let maxT = 0
  for (let i = 0; i < data.size; i++) maxT = Math.max(maxT, data.T[i]!)
  if (maxT <= 0) return refuse({ code: 'models.one_day_of_history', params: { date: period.measureTo }, at })
  const repeat = repeatBuyers(data)
  const wantsFrequency = models !== 'gg'
  if (repeat < minRepeat) {
    return refuse({ code: 'models.too_few_repeat_buyers', params: { n: repeat, min: minRepeat, customers: data.customers }, at })
  }
  const warnings: Diagnostic[] = []
  const fits: { bgnbd?: BgnbdFit; pareto?: ParetoNbdFit; gg?: GammaGammaFit } = {}
  if (wantsFrequency && models !== 'pareto') fits.bgnbd = fitBgnbd(data)
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
      unit: options.unit,
      period,
      data,
      customers: data.customers,
      repeatBuyers: repeat,
      ...fits,
      warnings,
    },
  }
}

function refuse(d: Diagnostic): Result<FittedModels> {
  return { ok: false, diagnostics: [d] }
}
