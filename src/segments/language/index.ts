/**
 * The segment query language (DESIGN §5, issue 5 §1–3): parse, check, print and compile definitions such as
 * `rfm_segment IN ('At Risk', '不能失去') AND orders_count(within: 90d) >= 3`. See CONTEXT.md for the
 * grammar, the functions and the SQL shape.
 */
import type { Diagnostic, Result } from '../../core/diagnostics.js'
import type { Dialect } from '../../sql/dialect.js'
import type { Fragment } from '../../sql/fragment.js'
import type { SegmentExpr } from './ast.js'
import { check } from './checker.js'
import { type CompileContext, compileTree, type KnownSegment, type Population } from './compile.js'
import { allFields, type FieldInfo } from './fields.js'
import { allFunctions, type FunctionInfo } from './functions.js'
import { normaliseDate } from './lexer.js'
import { normalise } from './normalise.js'
import { parse } from './parser.js'
import { printExpr } from './printer.js'
import { referencedSegments as references } from './references.js'
import { unknownSegments } from './segments-check.js'

export type { CompareOp, Literal, Operand, SegmentExpr, Span } from './ast.js'
export type { FieldInfo, ValueType } from './fields.js'
export type { FunctionInfo } from './functions.js'
export { type ReadTable, readColumns, readTables } from './reads.js'
export type { KnownSegment, Population }

export interface SegmentQueryContext {
  /** YYYY-MM-DD; relative dates (-30d, today) and `within:` windows count back from it. */
  readonly asOf: string
  /** Scores/predictions come from this snapshot; null → score fields are NULL. */
  readonly snapshotId: string | null
  /**
   * Optional: the saved segments. When given, `in_segment('…')` must name one of them (by id or name; an
   * unknown one is a `segment.unknown_segment` diagnostic with did-you-mean) and compiles to its id. When
   * absent, the name is resolved in SQL (id or name against `segments`), and an unknown one matches nobody.
   */
  readonly segments?: readonly KnownSegment[]
  /**
   * Optional: the customers a live update touched (see `Population`). When given, the query answers only
   * members among them, and every scan reads only their rows, so the cost follows their number rather
   * than the store's size. Each one's membership is what the unrestricted query says.
   */
  readonly population?: Population
}

/** Parses without checking names or types: the tree (null on a syntax error) and the syntax diagnostics. */
export function parseSegment(text: string): { ast: SegmentExpr | null; diagnostics: Diagnostic[] } {
  return parse(text)
}

/**
 * Parses and type-checks; on success, the tree (names in the catalog's spelling; Chinese aliases kept) and
 * its canonical text.
 */
export function checkSegment(text: string): Result<{ ast: SegmentExpr; canonical: string }> {
  const parsed = parse(text)
  if (!parsed.ast) return { ok: false, diagnostics: parsed.diagnostics }
  const diagnostics = check(text, parsed.ast)
  if (diagnostics.length) return { ok: false, diagnostics }
  const ast = normalise(parsed.ast)
  return { ok: true, value: { ast, canonical: printExpr(ast) } }
}

/** Canonical text of a tree; `parseSegment(printSegment(x)).ast` equals `x` apart from spans. */
export function printSegment(ast: SegmentExpr): string {
  return printExpr(ast)
}

/**
 * Checks and compiles a definition to a SELECT returning exactly one column, `customer_id`, each matching
 * customer once. Every value is a bound parameter; identifiers come only from the catalogs.
 */
export function compileSegment(
  text: string,
  dialect: Dialect,
  ctx: SegmentQueryContext,
): Result<{ query: Fragment; canonical: string; ast: SegmentExpr }> {
  // A malformed as-of date is the caller's bug, not the marketer's mistake.
  if (!normaliseDate(ctx.asOf) || normaliseDate(ctx.asOf) !== ctx.asOf)
    throw new Error(`compileSegment: asOf must be YYYY-MM-DD, got ${ctx.asOf}`)
  const checked = checkSegment(text)
  if (!checked.ok) return checked
  const { ast, canonical } = checked.value
  if (ctx.segments) {
    const missing = unknownSegments(text, ast, ctx.segments)
    if (missing.length) return { ok: false, diagnostics: missing }
  }
  const compileCtx: CompileContext = ctx
  return { ok: true, value: { query: compileTree(ast, dialect, compileCtx), canonical, ast } }
}

/** Every field the language knows: name, type, kind, enum values, description in three languages. */
export function segmentFields(): readonly FieldInfo[] {
  return allFields()
}

/** Every behaviour function: name, arguments, result type, description in three languages. */
export function segmentFunctions(): readonly FunctionInfo[] {
  return allFunctions()
}

/** The segment names/ids a definition reads through `in_segment(…)` (for dependency order and cycles). */
export function referencedSegments(ast: SegmentExpr): string[] {
  return references(ast)
}
