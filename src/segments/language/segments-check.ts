import type { Diagnostic } from '../../core/diagnostics.js'
import type { SegmentExpr } from './ast.js'
import type { KnownSegment } from './context.js'
import { segmentCalls } from './references.js'
import { diagnosticAt } from './report.js'
import { suggest } from './suggest.js'

/** `in_segment` references that name no saved segment (by id or name), with did-you-mean over the names. */
export function unknownSegments(
  text: string,
  ast: SegmentExpr,
  segments: readonly KnownSegment[],
): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const call of segmentCalls(ast)) {
    const arg = call.args[0]
    if (arg?.kind !== 'string') continue
    if (segments.some((s) => s.id === arg.value || s.name === arg.value)) continue
    out.push(
      diagnosticAt(text, 'segment.unknown_segment', arg.span, {
        name: arg.value,
        suggestion: suggest(
          arg.value,
          segments.map((s) => s.name),
        ),
      }),
    )
  }
  return out
}
