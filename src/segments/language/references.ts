import type { Call, Operand, SegmentExpr } from './ast.js'

/** Every `in_segment(…)` call of a tree, in text order. */
export function segmentCalls(ast: SegmentExpr): Call[] {
  const out: Call[] = []
  const visit = (o: Operand) => {
    if (o.kind === 'call' && o.name.toLowerCase() === 'in_segment') out.push(o)
  }
  const walk = (e: SegmentExpr): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        e.items.forEach(walk)
        return
      case 'not':
        walk(e.operand)
        return
      case 'test':
        visit(e.operand)
        return
      default:
        visit(e.left)
    }
  }
  walk(ast)
  return out
}

/** The distinct segment references (name or id, as written) of a tree. */
export function referencedSegments(ast: SegmentExpr): string[] {
  const names = segmentCalls(ast).flatMap((c) => (c.args[0]?.kind === 'string' ? [c.args[0].value] : []))
  return [...new Set(names)]
}
