import type { Diagnostic } from '../../core/diagnostics.js'
import type { Span } from './ast.js'

/** 1-based line and column of a 0-based offset (columns count UTF-16 code units, like the offsets). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}

/**
 * A diagnostic at a span of the definition text: `at` gets line and column, `params.span` the offsets
 * (the web builder underlines with them).
 */
export function diagnosticAt(
  text: string,
  code: string,
  span: Span,
  params: Record<string, unknown> = {},
): Diagnostic {
  return {
    code,
    severity: 'error',
    at: lineColumn(text, span.start),
    params: { ...params, span: [span.start, span.end] },
  }
}
