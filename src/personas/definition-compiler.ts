import type { Result } from '../core/diagnostics.js'
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

/**
 * The segment language's compiler (`src/segments/language`, owned by the language work). Until it is
 * merged here every definition is refused with a diagnostic instead of being guessed at.
 */
export const compileDefinition: CompileDefinition = (text) => ({
  ok: false,
  diagnostics: [{ code: 'personas.language_unavailable', params: { text } }],
})
