// Predictive models: BTYD summary in SQL, BG/NBD, Pareto/NBD, Gamma-Gamma, scoring, backtests.

// backtests
export type { BacktestOptions, BacktestResult } from './backtest.js'
export { backtest } from './backtest.js'
export { loadBacktest, saveBacktest } from './backtest-store.js'
// models
export type { BgnbdFit, BgnbdParams } from './bgnbd-fit.js'
export { bgnbdLogLikelihood, fitBgnbd } from './bgnbd-fit.js'
export {
  bgnbdConditionalExpected,
  bgnbdExpected,
  bgnbdExpectedIfAlive,
  bgnbdPAlive,
  bgnbdProbabilityOfN,
} from './bgnbd-predict.js'
// data
export type { BtydData, BtydTupleRow, TimeUnit } from './btyd-data.js'
export { btydData, repeatBuyers, UNIT_DAYS } from './btyd-data.js'
export type { CalibrationPeriod, SpendBin } from './btyd-summary.js'
export {
  addDaysIso,
  asOfWindow,
  btydSummaryQuery,
  calibrationWindow,
  createSummaryTable,
  createTuplesTable,
  loadBtydData,
  loadBtydTuples,
  loadSpendBins,
} from './btyd-summary.js'
export { exportClv } from './clv-export.js'
export type { ClvOptions } from './clv-horizon.js'
export { CLV_DEFAULTS } from './clv-horizon.js'
export type { CustomerPrediction } from './customer-prediction.js'
export { latestPurchaseDate, predictCustomer } from './customer-prediction.js'
export { scoreCustomers } from './customer-scoring.js'
// fitting, scoring, products
export type { FitOptions, FittedModels, ModelChoice } from './fit-models.js'
export { fitModels } from './fit-models.js'
export type { GammaGammaFit, GammaGammaParams } from './gamma-gamma.js'
export { fitGammaGamma, gammaGammaExpectedValue, gammaGammaLogLikelihood } from './gamma-gamma.js'
// numerics
export { hyp2f1, hyp2f1Log } from './hypergeometric.js'
export type { ModelFit, ModelName } from './model-fit.js'
export type { ParetoNbdFit, ParetoNbdParams } from './pareto-nbd.js'
export {
  fitParetoNbd,
  paretoNbdConditionalExpected,
  paretoNbdExpected,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
} from './pareto-nbd.js'
export { makePredictStep, predictStep } from './snapshot-predictions.js'
