import type { Call, Operand, SegmentExpr } from './ast.js'

/** Calls `visit` with the tested operand of every condition of a tree, in text order. */
export function forEachOperand(ast: SegmentExpr, visit: (o: Operand) => void): void {
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
}

/** Every `in_segment(…)` call of a tree, in text order. */
export function segmentCalls(ast: SegmentExpr): Call[] {
  const out: Call[] = []
  forEachOperand(ast, (o) => {
    if (o.kind === 'call' && o.name.toLowerCase() === 'in_segment') out.push(o)
  })
  return out
}

/** The distinct segment references (name or id, as written) of a tree. */
export function referencedSegments(ast: SegmentExpr): string[] {
  const names = segmentCalls(ast).flatMap((c) => (c.args[0]?.kind === 'string' ? [c.args[0].value] : []))
  return [...new Set(names)]
}
