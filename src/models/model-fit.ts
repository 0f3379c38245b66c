import { bfgs, hessian, invert, type MinimizeResult, minimize, type ValueAndGradient } from './optimizer.js'

/** Which model a fit is of. */
export type ModelName = 'bgnbd' | 'pareto' | 'gg'

/** A model's parameters by name, on their natural scale. */
export type ModelParams<P extends string> = Readonly<Record<P, number>>

/**
 * A maximum-likelihood fit: parameters on their natural scale, standard errors (delta method from the
 * Hessian of the log-parameterised likelihood; null when the Hessian is singular), the maximised
 * log-likelihood and how much data went in.
 */
export interface ModelFit<P extends string = string> {
  readonly model: ModelName
  readonly params: ModelParams<P>
  readonly standardErrors: Readonly<Record<P, number | null>>
  readonly logLikelihood: number
  /** Customers (weights) the likelihood summed over. */
  readonly customers: number
  /** Distinct rows actually evaluated (after collapsing identical summaries). */
  readonly distinctRows: number
  readonly iterations: number
  readonly converged: boolean
}

/**
 * Fits a model given the MEAN negative log-likelihood over log-parameters (with gradient) and starting
 * points; the mean keeps the objective O(1) whatever the number of customers, so one tolerance fits all.
 *
 * @example
 * fitLogParameterised('gg', ['p', 'q', 'gamma'], meanNll, [[0, 0, 0]], 946, 946)
 */
export function fitLogParameterised<P extends string>(
  model: ModelName,
  names: readonly P[],
  meanNll: ValueAndGradient,
  starts: readonly (readonly number[])[],
  customers: number,
  distinctRows: number,
  /** The same objective on a thinned copy of large data: the starts are searched on it, then one BFGS
   * run on the full data finishes from its optimum (with its curvature), so big data costs few evaluations. */
  coarse?: ValueAndGradient,
): ModelFit<P> {
  let best: MinimizeResult
  if (coarse) {
    const rough = minimize(coarse, starts)
    best = bfgs(meanNll, rough.x, {
      inverseHessian: rough.inverseHessian ?? invert(hessian(coarse, rough.x)),
    })
  } else best = minimize(meanNll, starts)
  const H = hessian(meanNll, best.x).map((row) => row.map((v) => v * customers))
  return {
    model,
    ...naturalScale(names, best.x, invert(H)),
    logLikelihood: -best.f * customers,
    customers,
    distinctRows,
    iterations: best.iterations,
    converged: best.converged,
  }
}

/**
 * Parameters on their natural scale from an optimum in log-parameters, with standard errors from the
 * log-parameters' covariance (null where it is missing or not positive, e.g. a singular Hessian).
 *
 * @example
 * naturalScale(['p', 'q'], [0, Math.log(2)], [[0.01, 0], [0, 0.04]]) // params { p: 1, q: 2 }, SEs { p: 0.1, q: 0.4 }
 */
export function naturalScale<P extends string>(
  names: readonly P[],
  logParams: readonly number[],
  cov: readonly (readonly number[])[] | undefined,
): Pick<ModelFit<P>, 'params' | 'standardErrors'> {
  const params = {} as Record<P, number>
  const standardErrors = {} as Record<P, number | null>
  names.forEach((name, i) => {
    const value = Math.exp(logParams[i]!)
    params[name] = value
    const variance = cov?.[i]?.[i]
    // d p / d ln p = p: the delta method turns the log-scale variance into the natural-scale SE.
    standardErrors[name] = variance !== undefined && variance > 0 ? value * Math.sqrt(variance) : null
  })
  return { params, standardErrors }
}
