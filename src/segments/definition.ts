import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import type { Fragment } from '../sql/fragment.js'
import { compileSegment } from './language/index.js'
import type { SegmentContext } from './query-context.js'

/** A definition compiled for one context: its member query and canonical text. */
export interface CompiledDefinition {
  readonly query: Fragment
  readonly canonical: string
  /** `in_segment('…')` references, for refreshing segments after the ones they read. */
  readonly references: readonly string[]
}

/** Every `in_segment(x)` argument in a syntax tree (walked generically: any object with that call). */
function inSegmentRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) inSegmentRefs(n, found)
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>
    if (o['kind'] === 'call' && o['name'] === 'in_segment' && Array.isArray(o['args'])) {
      const first = o['args'][0] as { value?: unknown } | undefined
      if (typeof first?.value === 'string') found.push(first.value)
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'span') inSegmentRefs(v, found)
  }
  return found
}

/**
 * Compiles a segment definition with the language's checker and compiler; a definition that cannot be
 * valid throws a `StrataError` carrying every diagnostic (position, expectation, suggestion), so nothing
 * invalid is ever saved or run.
 *
 * @example
 * const { query } = compileDefinition(conn, "rfm_segment = 'At Risk'", ctx)
 */
export function compileDefinition(conn: Connection, text: string, ctx: SegmentContext): CompiledDefinition {
  const result = compileSegment(text, conn.dialect, { asOf: ctx.asOf, snapshotId: ctx.snapshotId })
  if (!result.ok) {
    const [first, ...more] = result.diagnostics
    throw new StrataError(first ?? { code: 'segments.invalid_definition' }, EXIT.USAGE, more)
  }
  const { query, canonical, ast } = result.value
  return { query, canonical, references: inSegmentRefs(ast) }
}
