import type { Diagnostic } from '../../core/diagnostics.js'
import type { RefTable } from '../identity.js'
import type { StagingTable } from '../load/staging.js'
import type { RawRecord } from '../read/types.js'
import type { CanonicalValues } from '../validate-record.js'

/** A row the sink turned down after validation (a line-item order with a bad row elsewhere, a missing total). */
export interface LateRejection {
  readonly line: number
  readonly diagnostics: Diagnostic[]
}

/** Counters a sink keeps while rows stream past, for the data-quality report. */
export interface SinkCounters {
  /** Valid rows without a source customer id (they may still name an email or phone). */
  missingCustomerId: number
  /** Rows repeating an id already seen earlier in the file (kinds with one row per record). */
  duplicateRows: number
  duplicateSample: { line: number; id: string }[]
  /** Valid rows left out because they name an erased person. */
  erasedRows: number
}

/**
 * Where validated rows of one kind go: staging tables, plus the file's customer references.
 * `add` may turn a row down (returns its diagnostics); `finish` returns rows turned down late.
 */
export interface Sink {
  readonly refs: RefTable
  readonly counters: SinkCounters
  /**
   * Set when the sink stages one row per record: repeated ids are then counted in SQL from this table
   * (and `stg_refused`), not with a set of every id in memory; `counters.duplicate*` stay empty.
   */
  readonly duplicatesIn?: { readonly table: StagingTable; readonly id: string }
  add(
    line: number,
    values: CanonicalValues,
    record: RawRecord,
  ): Diagnostic[] | undefined | Promise<Diagnostic[] | undefined>
  /** Told about each invalid row, so rows that belong with it can follow it out. */
  rejected(record: RawRecord): void
  finish(): Promise<LateRejection[]>
}

export function newCounters(): SinkCounters {
  return { missingCustomerId: 0, duplicateRows: 0, duplicateSample: [], erasedRows: 0 }
}

/** Keeps a short, deterministic sample (first lines) for the report. */
export function sample<T>(list: T[], item: T, max = 10): void {
  if (list.length < max) list.push(item)
}
