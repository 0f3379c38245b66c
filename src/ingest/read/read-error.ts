import { type Diagnostic, EXIT, type Location, StrataError } from '../../core/diagnostics.js'

/**
 * A reading diagnostic (`ingest.read.<what>`) at a place in a file.
 *
 * @example
 * readDiagnostic('csv_unterminated_quote', { file: 'a.csv', line: 7 })
 */
export function readDiagnostic(
  what: string,
  at: Location,
  params?: Record<string, unknown>,
  severity?: 'warning',
): Diagnostic {
  const code = `ingest.read.${what}`
  return { code, at, ...(params ? { params } : {}), ...(severity ? { severity } : {}) }
}

/** Stops reading a file whose rest cannot be read (thrown from `records()`). */
export function readFailure(what: string, at: Location, params?: Record<string, unknown>): StrataError {
  return new StrataError(readDiagnostic(what, at, params), EXIT.DATA)
}
