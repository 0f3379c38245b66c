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
}
