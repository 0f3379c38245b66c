import { EXIT, type Location, renderDiagnostic, type StrataError } from '../../core/diagnostics.js'
import type { Lang } from '../../i18n/locale.js'

/** One problem in a request, for `error.details` (e.g. a field path and what is wrong with it). */
export interface ErrorDetail {
  readonly path?: string
  readonly code?: string
  readonly message: string
}

/** The only error body the API sends: `{error: {code, message, details?}}`, message in the caller's language. */
export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[] }
}

/** An HTTP failure with a message key; thrown by routes and hooks, rendered by the error handler. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly details?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(code)
    this.name = 'ApiError'
  }
}

const STATUS_OF_EXIT: Record<number, number> = {
  [EXIT.USAGE]: 400,
  [EXIT.DATA]: 422,
  [EXIT.NOT_FOUND]: 404,
  [EXIT.STORE]: 503,
}

/** A core `StrataError` as an HTTP answer: usage → 400, rejected data → 422, not found → 404, store → 503. */
export function fromStrataError(error: StrataError, lang: Lang): { status: number; body: ErrorBody } {
  const all = [error.diagnostic, ...error.more]
  const details =
    all.length > 1 || error.diagnostic.at
      ? all.map((d) => detailOf(d.code, d.at, renderDiagnostic(d, lang)))
      : undefined
  return {
    status: STATUS_OF_EXIT[error.exitCode] ?? 500,
    body: {
      error: { code: error.diagnostic.code, message: renderDiagnostic(error.diagnostic, lang), details },
    },
  }
}

function detailOf(code: string, at: Location | undefined, message: string): ErrorDetail {
  return { code, path: at?.field, message }
}
