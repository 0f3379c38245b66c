import { bfgs, hessian, invert, type MinimizeResult, minimize, type ValueAndGradient } from './optimizer.js'

/** Which model a fit is of. */
export type ModelName = 'bgnbd' | 'pareto' | 'gg'

/**
 * A maximum-likelihood fit: parameters on their natural scale, standard errors (delta method from the
 * Hessian of the log-parameterised likelihood; null when the Hessian is singular), the maximised
 * log-likelihood and how much data went in.
 */
export interface ModelFit<P extends string = string> {
  readonly model: ModelName
  readonly params: Readonly<Record<P, number>>
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
  const cov = invert(H)
  const params = {} as Record<P, number>
  const standardErrors = {} as Record<P, number | null>
  names.forEach((name, i) => {
    const value = Math.exp(best.x[i]!)
    params[name] = value
    const variance = cov?.[i]?.[i]
    // d p / d ln p = p: the delta method turns the log-scale variance into the natural-scale SE.
    standardErrors[name] = variance !== undefined && variance > 0 ? value * Math.sqrt(variance) : null
  })
  return {
    model,
    params,
    standardErrors,
    logLikelihood: -best.f * customers,
    customers,
    distinctRows,
    iterations: best.iterations,
    converged: best.converged,
  }
}
