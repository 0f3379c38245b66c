import type { Result } from '../core/diagnostics.js'
import { compileSegment } from '../segments/language/index.js'
import type { Dialect } from '../sql/dialect.js'
import type { Fragment } from '../sql/fragment.js'

/** What user tags, buyer personas and lookalike seeds need from the segment language. */
export interface DefinitionContext {
  readonly asOf: string
  readonly snapshotId: string | null
}
export type CompileDefinition = (
  text: string,
  dialect: Dialect,
  ctx: DefinitionContext,
) => Result<{ query: Fragment; canonical: string }>

/** The segment language's compiler (`src/segments/language`); tests may pass a narrower one. */
export const compileDefinition: CompileDefinition = (text, dialect, ctx) => {
  const compiled = compileSegment(text, dialect, ctx)
  return compiled.ok
    ? { ok: true, value: { query: compiled.value.query, canonical: compiled.value.canonical } }
    : compiled
}
