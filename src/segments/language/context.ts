import type { Fragment } from '../../sql/fragment.js'

/** A saved segment the definition may name in `in_segment(…)`. */
export interface KnownSegment {
  readonly id: string
  readonly name: string
}

export interface CompileContext {
  readonly asOf: string
  readonly snapshotId: string | null
  /** When given, `in_segment` names are resolved here (id or name) and must exist. */
  readonly segments?: readonly KnownSegment[]
  /** When given: only members among these customers are answered, and scans read only their rows. */
  readonly population?: Population
}

/**
 * The customers to answer for (a live update's touched customers). `ids` is a SELECT of `customer_id`
 * (duplicates and NULLs ignored). `customers` / `scores`, when given, are relations holding exactly the
 * `customers` rows and the snapshot's `customer_scores` rows of those ids (all columns; a temp table the
 * caller filled once for many definitions) — read instead of cutting the big tables down per definition.
 */
export interface Population {
  readonly ids: Fragment
  readonly customers?: Fragment
  readonly scores?: Fragment
}
