import { findSnapshot } from '../analytics/snapshot-lookup.js'
import { type Diagnostic, EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { type CompileDefinition, compileDefinition } from './definition-compiler.js'
import './persona-tables.js'

export interface BuyerPersona {
  readonly name: string
  readonly definition: string
  readonly description: string | null
  /** Customers of the newest snapshot matching the definition; null when it no longer compiles. */
  readonly customers: number | null
  readonly diagnostics?: readonly Diagnostic[]
}

/**
 * Adds or replaces a hand-written buyer persona (ideal customer profile): a segment-language definition
 * that must compile, and a free-text description. Returns how many customers match it now.
 */
export async function defineBuyerPersona(
  conn: Connection,
  input: { name: string; definition: string; description?: string; now: string; compile?: CompileDefinition },
): Promise<BuyerPersona> {
  const snap = await findSnapshot(conn, 'latest')
  const compile = input.compile ?? compileDefinition
  const compiled = compile(input.definition, conn.dialect, { asOf: snap.asOf, snapshotId: snap.snapshotId })
  if (!compiled.ok) {
    const [first, ...more] = compiled.diagnostics
    throw new StrataError(first!, EXIT.USAGE, more)
  }
  await conn.transaction(async () => {
    await conn.run(sql`DELETE FROM buyer_personas WHERE name = ${input.name}`)
    await conn.run(sql`INSERT INTO buyer_personas (name, definition, description, created_at)
      VALUES (${input.name}, ${compiled.value.canonical}, ${input.description ?? null}, ${conn.dialect.timestampLiteral(input.now)})`)
  })
  const n = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM (${compiled.value.query}) AS m`)
  return {
    name: input.name,
    definition: compiled.value.canonical,
    description: input.description ?? null,
    customers: Number(n?.n ?? 0),
  }
}

/** Every buyer persona with the number of customers of the newest snapshot that match it. */
export async function listBuyerPersonas(
  conn: Connection,
  compile: CompileDefinition = compileDefinition,
): Promise<BuyerPersona[]> {
  const rows = await conn.all<{ name: string; definition: string; description: string | null }>(
    sql`SELECT name, definition, description FROM buyer_personas ORDER BY name`,
  )
  if (rows.length === 0) return []
  const snap = await findSnapshot(conn, 'latest')
  const out: BuyerPersona[] = []
  for (const r of rows) {
    const compiled = compile(r.definition, conn.dialect, { asOf: snap.asOf, snapshotId: snap.snapshotId })
    if (!compiled.ok) {
      out.push({ ...r, customers: null, diagnostics: compiled.diagnostics })
      continue
    }
    const n = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM (${compiled.value.query}) AS m`)
    out.push({ ...r, customers: Number(n?.n ?? 0) })
  }
  return out
}

/** Removes a buyer persona. */
export async function deleteBuyerPersona(conn: Connection, name: string): Promise<void> {
  const row = await conn.one(sql`SELECT name FROM buyer_personas WHERE name = ${name}`)
  if (!row) throw new StrataError({ code: 'personas.persona.not_found', params: { name } }, EXIT.NOT_FOUND)
  await conn.run(sql`DELETE FROM buyer_personas WHERE name = ${name}`)
}
