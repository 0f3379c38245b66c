import type { Lang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'

/** Where a problem is: as much of file / line / column / field as is known. Lines and columns are 1-based. */
export interface Location {
  readonly file?: string
  readonly line?: number
  readonly column?: number
  readonly field?: string
  readonly value?: string
}

/**
 * A user mistake, reported as a value: a stable code (also the i18n message key), its parameters and
 * where it happened. Rendered in the user's language only at the edge.
 */
export interface Diagnostic {
  readonly code: string
  readonly params?: Record<string, unknown>
  readonly at?: Location
  readonly severity?: 'error' | 'warning'
}

/** Success with a value, or failure with diagnostics. */
export type Result<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(...diagnostics: Diagnostic[]): Result<T> => ({ ok: false, diagnostics })

/**
 * A user error that must stop the command (bad flag, missing file, empty window). Carries a diagnostic
 * and an exit code; bugs stay plain `Error`s.
 */
export class StrataError extends Error {
  constructor(
    readonly diagnostic: Diagnostic,
    readonly exitCode: number = EXIT.USAGE,
    readonly more: readonly Diagnostic[] = [],
  ) {
    super(diagnostic.code)
    this.name = 'StrataError'
  }
}

/** Process exit codes shared by every command (documented in the README). */
export const EXIT = {
  OK: 0,
  /** Unexpected failure: a bug or the engine failed. */
  INTERNAL: 1,
  /** Bad command line: unknown option, bad value. */
  USAGE: 2,
  /** Input data rejected (invalid rows, unreadable file). */
  DATA: 3,
  /** Not found: file, customer, snapshot. */
  NOT_FOUND: 4,
  /** The store cannot be opened (locked by another process, newer schema). */
  STORE: 5,
} as const

/** `file:line:column (field)` prefix for a location, omitting unknown parts. */
export function formatLocation(at: Location | undefined): string {
  if (!at) return ''
  let s = at.file ?? ''
  if (at.line !== undefined) s += `${s ? ':' : ''}${at.line}`
  if (at.column !== undefined) s += `:${at.column}`
  if (at.field) s += `${s ? ' ' : ''}[${at.field}]`
  return s
}

/** One line for a person: location, then the translated message. */
export function renderDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = formatLocation(d.at)
  const message = t(lang, d.code, { ...d.at, ...d.params })
  return where ? `${where}: ${message}` : message
}
