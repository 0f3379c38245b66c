import { fail, ok, type Result, StrataError } from '../../core/diagnostics.js'
import { fileText } from './decode-text.js'
import { JsonArrayScanner, type JsonElement } from './json-array-scanner.js'
import { jsonErrorOffset, positionAt } from './json-syntax.js'
import { compactJson, protectLongNumbers, toRawValues } from './json-text.js'
import { readDiagnostic } from './read-error.js'
import type { TextFile } from './text-file.js'
import type { RawRecord, RecordSource } from './types.js'

/** How many records the column list is gathered from. */
const COLUMN_SAMPLE = 1000

/** One JSON text (an array element or an NDJSON line) as a record, or a record carrying why it is unusable. */
function jsonRecord(text: string, line: number, column: number, file: string, raw: string): RawRecord {
  let parsed: unknown
  try {
    parsed = JSON.parse(protectLongNumbers(text))
  } catch {
    const offset = Math.max(0, jsonErrorOffset(text))
    const at = { file, ...positionAt(text, offset, line, column) }
    return { line, values: {}, raw, error: readDiagnostic('json_malformed', at) }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const error = readDiagnostic('json_not_object', { file, line, column })
    return { line, values: {}, raw, error }
  }
  return { line, values: toRawValues(parsed as Record<string, unknown>), raw }
}

async function* arrayRecords(file: TextFile, onProgress?: (n: number) => void): AsyncGenerator<RawRecord> {
  const scanner = new JsonArrayScanner(file.path)
  const elements: JsonElement[] = []
  const record = (e: JsonElement) => jsonRecord(e.text, e.line, e.column, file.path, compactJson(e.text))
  for await (const text of fileText(file.path, file.gzip, file.encoding, onProgress)) {
    scanner.push(text, elements)
    for (const e of elements) yield record(e)
    elements.length = 0
    if (scanner.failure) throw scanner.failure
  }
  scanner.end(elements)
  for (const e of elements) yield record(e)
  if (scanner.failure) throw scanner.failure
}

async function* lineRecords(file: TextFile, onProgress?: (n: number) => void): AsyncGenerator<RawRecord> {
  let carry = ''
  let line = 0
  const record = (text: string): RawRecord | undefined => {
    line++
    const raw = text.endsWith('\r') ? text.slice(0, -1) : text
    if (raw.trim() === '') return undefined
    return jsonRecord(raw, line, 1, file.path, raw)
  }
  for await (const text of fileText(file.path, file.gzip, file.encoding, onProgress)) {
    const chunk = carry + text
    let from = 0
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      const r = record(chunk.slice(from, nl))
      if (r) yield r
      from = nl + 1
    }
    carry = chunk.slice(from)
  }
  const last = record(carry)
  if (last) yield last
}

/** Columns = union of keys of the first records, in first-seen order. A broken file fails here, before loading. */
async function sampleColumns(records: AsyncIterable<RawRecord>, path: string): Promise<Result<string[]>> {
  const seen = new Set<string>()
  let n = 0
  try {
    for await (const r of records) {
      for (const key of Object.keys(r.values)) seen.add(key)
      if (++n >= COLUMN_SAMPLE) break
    }
  } catch (error) {
    if (error instanceof StrataError) return fail(error.diagnostic)
    throw error
  }
  return n === 0 ? fail(readDiagnostic('empty_file', { file: path })) : ok([...seen])
}

/**
 * Opens a JSON file holding an array of objects, or an NDJSON file (one object per line). Elements that are not
 * objects, and NDJSON lines that are not valid JSON, become records with an `error`.
 *
 * @example
 * const src = await openJsonSource(file, 'ndjson')
 */
export async function openJsonSource(
  file: TextFile,
  format: 'json' | 'ndjson',
): Promise<Result<RecordSource>> {
  const stream = format === 'json' ? arrayRecords : lineRecords
  const columns = await sampleColumns(stream(file), file.path)
  if (!columns.ok) return columns
  return ok({
    file: file.path,
    format,
    encoding: file.encoding.name,
    columns: columns.value,
    sizeBytes: file.sizeBytes,
    warnings: [],
    records: (onProgress) => stream(file, onProgress),
  })
}
