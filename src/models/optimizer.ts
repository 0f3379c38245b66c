/**
 * Unconstrained minimisation for the model fits: BFGS with a backtracking (Armijo) line search, restarted
 * from several points, with a Nelder–Mead fallback and a Newton polish on the numerical Hessian. Models
 * optimise over log-parameters, so "unconstrained" is all they need.
 */

/** The objective's value and gradient at x. The gradient may come from `numericGradient`. */
export type ValueAndGradient = ((x: readonly number[]) => { f: number; g: number[] }) & {
  /** The value alone, when it is much cheaper than value + gradient (numerical gradients). */
  readonly value?: (x: readonly number[]) => number
}

export interface MinimizeOptions {
  /** Stop when every gradient component is below this (the objective should be O(1): a mean). */
  readonly gradTol?: number
  readonly maxIter?: number
  /** Continue from an earlier run's inverse-Hessian estimate instead of the identity. */
  readonly inverseHessian?: number[][]
  /** Step halvings before a line search gives up (default 60); keep small when evaluations are costly. */
  readonly maxHalvings?: number
}

export interface MinimizeResult {
  readonly x: number[]
  readonly f: number
  readonly g: number[]
  readonly iterations: number
  readonly converged: boolean
  /** The final BFGS inverse-Hessian estimate. */
  readonly inverseHessian?: number[][]
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0)
const maxAbs = (a: readonly number[]) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0)

/**
 * Finite-difference gradient of a scalar function, for models whose likelihood has no convenient
 * analytic derivative (Pareto/NBD's ₂F₁ terms). Central differences (2n + 1 evaluations) are accurate to
 * ~1e−10; forward differences (n + 1) to ~1e−6, enough to search from several starts.
 *
 * @example
 * const fg = numericGradient((x) => x[0]! ** 2)
 * fg([3]).g // ≈ [6]
 */
export function numericGradient(
  f: (x: readonly number[]) => number,
  step = 1e-6,
  scheme: 'central' | 'forward' = 'central',
): ValueAndGradient {
  const fg = (x: readonly number[]) => {
    const fx = f(x)
    const g = x.map((xi, i) => {
      const h = step * Math.max(1, Math.abs(xi))
      const up = [...x]
      up[i] = xi + h
      if (scheme === 'forward') return (f(up) - fx) / h
      const down = [...x]
      down[i] = xi - h
      return (f(up) - f(down)) / (2 * h)
    })
    return { f: fx, g }
  }
  return Object.assign(fg, { value: f })
}

/** What the BFGS core asks its driver for: the value alone, or value and gradient, at x. */
type Request = { readonly x: number[]; readonly valueOnly: boolean }
type Answer = { f: number; g?: number[] }
/** Asynchronous objective (e.g. a likelihood evaluated as SQL aggregates where the data lives). */
export type AsyncValueAndGradient = (x: readonly number[]) => Promise<{ f: number; g: number[] }>

/**
 * BFGS from one start. Returns the best point reached even when it did not converge.
 *
 * @example
 * bfgs(({ 0: a, 1: b }) => ({ f: (a - 1) ** 2 + (b + 2) ** 2, g: [2 * (a - 1), 2 * (b + 2)] }), [0, 0]).x // ≈ [1, −2]
 */
export function bfgs(
  fg: ValueAndGradient,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const steps = bfgsSteps(x0, options, fg.value !== undefined)
  let next = steps.next()
  while (!next.done) {
    const q = next.value
    next = steps.next(q.valueOnly ? { f: fg.value!(q.x) } : fg(q.x))
  }
  return next.value
}

/**
 * The same BFGS for an asynchronous objective (one SQL round trip per evaluation).
 *
 * @example
 * await bfgsAsync(async (x) => sqlObjective(x), start, { inverseHessian })
 */
export async function bfgsAsync(
  fg: AsyncValueAndGradient,
  x0: readonly number[],
  options: MinimizeOptions = {},
): Promise<MinimizeResult> {
  const steps = bfgsSteps(x0, options, false)
  let next = steps.next()
  while (!next.done) next = steps.next(await fg(next.value.x))
  return next.value
}

function* bfgsSteps(
  x0: readonly number[],
  options: MinimizeOptions,
  cheapValue: boolean,
): Generator<Request, MinimizeResult, Answer> {
  const n = x0.length
  const gradTol = options.gradTol ?? 1e-9
  const maxIter = options.maxIter ?? 500
  let x = [...x0]
  const first = yield { x, valueOnly: false }
  let f = first.f
  let g = first.g!
  if (!Number.isFinite(f)) return { x, f, g, iterations: 0, converged: false }
  let H = options.inverseHessian ?? identity(n)
  let fresh = !options.inverseHessian
  for (let iter = 1; iter <= maxIter; iter++) {
    if (maxAbs(g) < gradTol) return { x, f, g, iterations: iter, converged: true, inverseHessian: H }
    let d = H.map((row) => -dot(row, g))
    let slope = dot(g, d)
    if (!(slope < 0)) {
      H = identity(n)
      d = g.map((v) => -v)
      slope = dot(g, d)
      fresh = true
    }
    // The first step of a fresh quasi-Newton matrix has no scale: keep it to a unit move in log-space.
    let step = fresh ? Math.min(1, 1 / Math.max(1e-12, maxAbs(d))) : 1
    let accepted: { x: number[]; f: number; g: number[] } | undefined
    for (let k = 0; k < (options.maxHalvings ?? 60); k++) {
      const xn = x.map((v, i) => v + step * d[i]!)
      // Rejected trials need only the value: with numerical gradients that is 1/(2n+1) of the cost.
      const fn = cheapValue ? (yield { x: xn, valueOnly: true }).f : Number.NaN
      if (!cheapValue || (Number.isFinite(fn) && fn <= f + 1e-4 * step * slope)) {
        const trial = yield { x: xn, valueOnly: false }
        if (
          Number.isFinite(trial.f) &&
          trial.f <= f + 1e-4 * step * slope &&
          trial.g!.every(Number.isFinite)
        ) {
          accepted = { x: xn, f: trial.f, g: trial.g! }
          break
        }
      }
      step *= 0.5
    }
    if (!accepted) {
      if (fresh) return { x, f, g, iterations: iter, converged: maxAbs(g) < gradTol * 1e3, inverseHessian: H }
      H = identity(n)
      fresh = true
      continue
    }
    const s = accepted.x.map((v, i) => v - x[i]!)
    const y = accepted.g.map((v, i) => v - g[i]!)
    const sy = dot(s, y)
    const progress = f - accepted.f
    x = accepted.x
    g = accepted.g
    f = accepted.f
    if (sy > 1e-300) {
      if (fresh) {
        // Shanno–Phua scaling of the initial matrix makes the first update well sized.
        const scale = sy / dot(y, y)
        H = H.map((row) => row.map((v) => v * scale))
      }
      H = bfgsUpdate(H, s, y, sy)
      fresh = false
    }
    if (progress <= 1e-16 * (Math.abs(f) + 1e-300) && maxAbs(s) < 1e-12) {
      return { x, f, g, iterations: iter, converged: maxAbs(g) < gradTol * 1e3, inverseHessian: H }
    }
  }
  return { x, f, g, iterations: maxIter, converged: maxAbs(g) < gradTol, inverseHessian: H }
}

function bfgsUpdate(H: number[][], s: number[], y: number[], sy: number): number[][] {
  const n = s.length
  const rho = 1 / sy
  const Hy = H.map((row) => dot(row, y))
  const yHy = dot(y, Hy)
  const out = identity(n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[i]![j] =
        H[i]![j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!
    }
  }
  return out
}

/**
 * Nelder–Mead simplex search: slow but needs only function values and survives a non-finite region; used
 * when every BFGS start fails.
 *
 * @example
 * nelderMead((x) => (x[0]! - 2) ** 2, [0]).x // ≈ [2]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  maxIter = 4000,
): { x: number[]; f: number } {
  const n = x0.length
  const value = (x: number[]) => {
    const v = f(x)
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY
  }
  let simplex = [x0.slice()].concat(
    x0.map((_, i) => x0.map((v, j) => (i === j ? v + (Math.abs(v) > 1e-3 ? 0.1 * v : 0.25) : v))),
  )
  let values = simplex.map(value)
  for (let iter = 0; iter < maxIter; iter++) {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0])
    simplex = order.map(([, i]) => simplex[i]!)
    values = order.map(([v]) => v)
    if (Math.abs(values[n]! - values[0]!) <= 1e-14 * (Math.abs(values[0]!) + 1e-300)) break
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n)
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c))
    const reflected = along(-1)
    const fr = value(reflected)
    if (fr < values[0]!) {
      const expanded = along(-2)
      const fe = value(expanded)
      ;[simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr]
    } else if (fr < values[n - 1]!) {
      ;[simplex[n], values[n]] = [reflected, fr]
    } else {
      const contracted = along(fr < values[n]! ? -0.5 : 0.5)
      const fc = value(contracted)
      if (fc < Math.min(fr, values[n]!)) {
        ;[simplex[n], values[n]] = [contracted, fc]
      } else {
        simplex = simplex.map((p, i) =>
          i === 0 ? p : p.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!)),
        )
        values = simplex.map(value)
      }
    }
  }
  const best = values.indexOf(Math.min(...values))
  return { x: simplex[best]!, f: values[best]! }
}

/**
 * Symmetric Hessian by central differences of the gradient.
 *
 * @example
 * hessian((x) => ({ f: x[0]! ** 2, g: [2 * x[0]!] }), [1]) // ≈ [[2]]
 */
export function hessian(fg: ValueAndGradient, x: readonly number[], step = 1e-4): number[][] {
  const n = x.length
  const H = identity(n).map((row) => row.map(() => 0))
  for (let j = 0; j < n; j++) {
    const h = step * Math.max(1, Math.abs(x[j]!))
    const up = [...x]
    const down = [...x]
    up[j] = x[j]! + h
    down[j] = x[j]! - h
    const gu = fg(up).g
    const gd = fg(down).g
    for (let i = 0; i < n; i++) H[i]![j] = (gu[i]! - gd[i]!) / (2 * h)
  }
  return H.map((row, i) => row.map((v, j) => 0.5 * (v + H[j]![i]!)))
}

/** Inverse of a small square matrix by Gauss–Jordan with partial pivoting; undefined when singular. */
export function invert(m: readonly (readonly number[])[]): number[][] | undefined {
  const n = m.length
  const a = m.map((row, i) => [...row, ...identity(n)[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r
    if (!(Math.abs(a[pivot]![col]!) > 1e-300)) return undefined
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    const p = a[col]![col]!
    a[col] = a[col]!.map((v) => v / p)
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const factor = a[r]![col]!
      if (factor !== 0) a[r] = a[r]!.map((v, j) => v - factor * a[col]![j]!)
    }
  }
  return a.map((row) => row.slice(n))
}

/**
 * Minimises from several starts (BFGS, Nelder–Mead if none gets anywhere), then polishes the best point
 * with Newton steps on the numerical Hessian so the optimum is accurate to many digits.
 *
 * @example
 * minimize(fg, [[0, 0], [1, -1]]).x
 */
export function minimize(
  fg: ValueAndGradient,
  starts: readonly (readonly number[])[],
  options: MinimizeOptions = {},
): MinimizeResult {
  // Every start runs to a loose tolerance; only the best is taken to full precision, then polished.
  let best: MinimizeResult | undefined
  for (const start of starts) {
    const r = bfgs(fg, start, { gradTol: 1e-3, maxIter: 200 })
    if (Number.isFinite(r.f) && (!best || r.f < best.f)) best = r
  }
  if (best) best = bfgs(fg, best.x, { ...options, inverseHessian: best.inverseHessian })
  else best = bfgs(fg, nelderMead((x) => (fg.value ? fg.value(x) : fg(x).f), starts[0]!).x, options)
  return best.converged && fg.value ? best : newtonPolish(fg, best, options.gradTol ?? 1e-9)
}

function newtonPolish(fg: ValueAndGradient, start: MinimizeResult, gradTol: number): MinimizeResult {
  let { x, f, g } = start
  for (let k = 0; k < 4; k++) {
    const Hinv = invert(hessian(fg, x))
    if (!Hinv) break
    const xn = x.map((v, i) => v - dot(Hinv[i]!, g))
    const trial = fg(xn)
    if (!(Number.isFinite(trial.f) && trial.f <= f)) break
    const moved = maxAbs(xn.map((v, i) => v - x[i]!))
    x = xn
    f = trial.f
    g = trial.g
    if (moved < 1e-10) break
  }
  return { x, f, g, iterations: start.iterations, converged: start.converged || maxAbs(g) < gradTol * 10 }
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))
}
