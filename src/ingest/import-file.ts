import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { type Diagnostic, EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { getSetting } from '../store/store.js'
import type { ImportKind } from './fields.js'
import { fileDigest } from './file-digest.js'
import { erasedRefTest, resolveIdentities } from './identity.js'
import { customersToUpdate, mergeStaged } from './load/merge.js'
import { dropPrepared, prepareMerge } from './load/prepare.js'
import { createStaging, dropStaging } from './load/staging.js'
import { parseMapOption, resolveMapping } from './mapping.js'
import { maybePreset, PRESET_NAMES, type Preset } from './presets/index.js'
import {
  countDuplicates,
  emptyReport,
  measureStaged,
  type QualityReport,
  STORED_PROBLEMS,
} from './quality-report.js'
import { openRecordSource } from './read/open-record-source.js'
import type { FileFormat, RecordSource } from './read/types.js'
import { defaultRejectsPath, writeRejects } from './rejects-file.js'
import { activitySink } from './stage/activity-sink.js'
import { customersSink } from './stage/customers-sink.js'
import { orderItemsSink } from './stage/order-items-sink.js'
import { ordersSink } from './stage/orders-sink.js'
import type { Sink } from './stage/sink.js'
import { stageRecords } from './stage/stage-records.js'
import { recordValidator } from './validate-record.js'

/** What to import and how. Everything the clock or the environment would give is passed in. */
export interface ImportOptions {
  readonly kind: ImportKind
  readonly file: string
  /** Preset name (default `generic`). */
  readonly preset?: string
  /** `--map field=column,…`. */
  readonly map?: string
  /** Source name; keys are source + id (default: the preset name, or for `generic` the file's base name). */
  readonly source?: string
  readonly format?: FileFormat
  readonly encoding?: string
  readonly delimiter?: string
  readonly sheet?: string
  /** `YMD` / `MDY` / `DMY` or a pattern like `DD.MM.YYYY HH:mm`, for ambiguous dates. */
  readonly dateFormat?: string
  /** Zone of timestamps without an offset (default: the store's `timezone` setting, else UTC). */
  readonly timezone?: string
  /** Region for phone numbers without a country code (default CN). */
  readonly phoneRegion?: string
  /** Import the valid rows and write the invalid ones to a rejects file (default: reject the whole file). */
  readonly skipInvalid?: boolean
  readonly rejectsPath?: string
  /** Today (`YYYY-MM-DD`), for "future date" checks. */
  readonly today: string
  /** When the import started (`YYYY-MM-DD HH:MM:SS`), recorded in `imports`. */
  readonly startedAt: string
  /** When it finished; called at the end (the caller owns the clock). Default: `startedAt`. */
  readonly finishedAt?: () => string
  readonly onProgress?: (progress: ImportProgress) => void
  /** Test-only hooks (fault injection for the kill test). */
  readonly hooks?: { readonly beforeCommit?: () => void | Promise<void> }
}

/** Progress while the file is read. */
export interface ImportProgress {
  readonly rows: number
  readonly bytesRead: number
  readonly totalBytes: number
}

/** The outcome of an import: its id, whether it was stored, and the data-quality report. */
export interface ImportResult {
  readonly importId: string
  readonly status: 'imported' | 'rejected'
  readonly report: QualityReport
  /** Every bad row (also in `report.problems`, which the store keeps capped). */
  readonly problems: readonly Diagnostic[]
}

/**
 * The source an import is filed under when none is given: the preset name (`shopify`, `stripe` …), or for
 * `generic` the file's base name without extensions (`orders-2024.csv.gz` → `orders-2024`).
 *
 * @example
 * defaultSource('generic', 'exports/crm.csv') // 'crm'
 */
export function defaultSource(preset: string, file: string): string {
  if (preset !== 'generic') return preset
  return basename(file).replace(/(\.(gz|csv|tsv|txt|json|ndjson|jsonl|parquet|xlsx))+$/i, '') || 'generic'
}

function sinkFor(
  conn: Connection,
  kind: ImportKind,
  preset: Preset,
  mapping: Parameters<typeof ordersSink>[2],
  file: string,
): Sink {
  if (kind === 'orders') return ordersSink(conn, preset, mapping, file)
  if (kind === 'customers') return customersSink(mapping)
  if (kind === 'order-items') return orderItemsSink(conn)
  return activitySink(conn, kind)
}

/** When the file's columns fit another preset (a Shopify export read as generic), say which. */
function presetHint(
  kind: ImportKind,
  tried: string,
  columns: readonly string[],
  explicit: readonly [string, string][],
): Diagnostic[] {
  for (const name of PRESET_NAMES) {
    const other = maybePreset(name)!
    if (name === tried || name === 'generic' || !other.kinds.includes(kind)) continue
    if (resolveMapping(kind, other, columns, explicit).ok)
      return [{ code: 'ingest.map.try_preset', params: { preset: name } }]
  }
  return []
}

async function newImportId(
  conn: Connection,
  startedAt: string,
  kind: string,
  source: string,
  file: string,
): Promise<string> {
  const stamp = startedAt.replace(/[^0-9]/g, '').slice(0, 14)
  const base = `${stamp}-${createHash('sha256').update(`${kind}\u0001${source}\u0001${file}`).digest('hex').slice(0, 8)}`
  const taken = await conn.all<{ import_id: string }>(
    sql`SELECT import_id FROM imports WHERE import_id LIKE ${`${base}%`}`,
  )
  const ids = new Set(taken.map((r) => r.import_id))
  let id = base
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`
  return id
}

/**
 * Imports one file: reads and validates every record into temporary staging tables, resolves customers,
 * then merges into the store in ONE transaction. A file with any invalid row is rejected whole (store
 * unchanged) unless `skipInvalid`; either way an `imports` row with the data-quality report is written.
 * Re-importing the same rows changes nothing (keys: source + id).
 *
 * @example
 * const result = await importFile(conn, { kind: 'orders', file: 'online_retail.csv.gz', preset: 'line-items',
 *   today: '2026-11-23', startedAt: '2026-11-23 10:00:00' })
 * result.report.rows // { read: 541909, imported: 541909, unchanged: 0, rejected: 0 }
 */
export async function importFile(conn: Connection, options: ImportOptions): Promise<ImportResult> {
  const presetName = options.preset ?? 'generic'
  const preset = maybePreset(presetName)
  if (!preset) {
    throw new StrataError({
      code: 'ingest.unknown_preset',
      params: { preset: presetName, choices: PRESET_NAMES.join(', ') },
    })
  }
  if (!preset.kinds.includes(options.kind)) {
    throw new StrataError({
      code: 'ingest.preset_kind',
      params: { preset: presetName, kind: options.kind, kinds: preset.kinds.join(', ') },
    })
  }
  const opened = await openRecordSource(options.file, {
    format: options.format,
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
  })
  if (!opened.ok) {
    const [first, ...rest] = opened.diagnostics
    const missing = first!.code === 'ingest.read.file_not_found'
    throw new StrataError(first!, missing ? EXIT.NOT_FOUND : EXIT.DATA, rest)
  }
  const source = opened.value
  const explicit = parseMapOption(options.map)
  if (!explicit.ok) throw new StrataError(explicit.diagnostics[0]!, EXIT.USAGE, explicit.diagnostics.slice(1))
  const mapping = resolveMapping(options.kind, preset, source.columns, explicit.value)
  if (!mapping.ok) {
    const hint = presetHint(options.kind, presetName, source.columns, explicit.value)
    throw new StrataError(mapping.diagnostics[0]!, EXIT.USAGE, [...mapping.diagnostics.slice(1), ...hint])
  }

  const digest = await fileDigest(options.file)
  const sourceName = options.source ?? defaultSource(presetName, options.file)
  const importId = await newImportId(conn, options.startedAt, options.kind, sourceName, options.file)
  const report = emptyReport({
    importId,
    kind: options.kind,
    source: sourceName,
    preset: presetName,
    file: options.file,
    format: source.format,
    encoding: source.encoding,
  })
  report.warnings = [...source.warnings]
  const timezone = options.timezone ?? (await getSetting(conn, 'timezone', 'UTC'))
  const validate = recordValidator(options.kind, mapping.value, {
    file: options.file,
    dateFormat: options.dateFormat,
    timezone,
    fileTimezone: preset.fileTimezone,
    phoneRegion: options.phoneRegion ?? 'CN',
    noneIds: preset.noneIds,
  })

  await createStaging(conn)
  try {
    const sink = sinkFor(conn, options.kind, preset, mapping.value, options.file)
    sink.refs.skipErased(await erasedRefTest(conn, sourceName))
    const staged = await stageRecords(source, validate, sink, (rows, bytesRead) =>
      options.onProgress?.({ rows, bytesRead, totalBytes: source.sizeBytes }),
    )
    const { rejected, problems } = staged
    report.rows.read = staged.rowsRead
    report.unreadable = staged.unreadable
    report.rows.rejected = rejected.size
    report.problemsTotal = staged.problemsTotal
    report.problems = problems
    report.missingCustomerIds = sink.counters.missingCustomerId
    report.erasedRows = sink.counters.erasedRows
    report.duplicateIds = sink.duplicatesIn
      ? await countDuplicates(conn, sink.duplicatesIn.table, sink.duplicatesIn.id)
      : { rows: sink.counters.duplicateRows, sample: sink.counters.duplicateSample }

    if (staged.unreadable || (problems.length > 0 && !options.skipInvalid)) {
      report.status = 'rejected'
      // A rejected import is still recorded, in its own small transaction (nothing else was written).
      await conn.transaction(() => insertImportRow(conn, options, report, source, digest))
      return { importId, status: 'rejected', report, problems }
    }
    if (rejected.size > 0) {
      const path = options.rejectsPath ?? defaultRejectsPath(options.file, source.format)
      report.rejects = { file: path, rows: await writeRejects(source, rejected, path) }
    }

    const resolution = await resolveIdentities(conn, sink.refs.refs, sourceName)
    report.customers.created = resolution.created
    report.customers.merged = resolution.merged
    await prepareMerge(conn, options.kind, sourceName)
    await measureStaged(conn, report, options.today)
    const overwrite = options.kind === 'customers'
    report.customers.updated = await customersToUpdate(conn, overwrite)
    if (options.kind === 'customers') {
      const valid = report.rows.read - report.rows.rejected - report.erasedRows
      const changed = resolution.created + report.customers.updated
      const inFile = sink.refs.refs.length
      report.records = { inFile, created: resolution.created, unchanged: Math.max(0, inFile - changed) }
      report.rows.imported = Math.min(valid, changed)
      report.rows.unchanged = valid - report.rows.imported
    }

    await conn.transaction(async () => {
      await mergeStaged(conn, {
        kind: options.kind,
        source: sourceName,
        importId,
        startedAt: options.startedAt,
        overwriteCustomers: overwrite,
      })
      await insertImportRow(conn, options, report, source, digest)
      await options.hooks?.beforeCommit?.()
    })
    return { importId, status: 'imported', report, problems }
  } finally {
    await dropPrepared(conn)
    await dropStaging(conn)
  }
}

/** The stored copy of the report: bad rows capped, so a file of a million bad rows stays a small record. */
function storedReport(report: QualityReport): string {
  return JSON.stringify({ ...report, problems: report.problems.slice(0, STORED_PROBLEMS) })
}

async function insertImportRow(
  conn: Connection,
  options: ImportOptions,
  report: QualityReport,
  source: RecordSource,
  digest: string,
): Promise<void> {
  const d = conn.dialect
  const finishedAt = options.finishedAt?.() ?? options.startedAt
  await conn.run(sql`
    INSERT INTO imports (import_id, kind, source, file, file_sha256, format, encoding, preset, started_at, finished_at,
      status, rows_read, rows_imported, rows_rejected, rows_unchanged, report)
    VALUES (${report.importId}, ${report.kind}, ${report.source}, ${options.file}, ${digest}, ${source.format},
      ${source.encoding}, ${report.preset}, ${d.timestampLiteral(options.startedAt)}, ${d.timestampLiteral(finishedAt)},
      ${report.status}, ${report.rows.read}, ${report.rows.imported}, ${report.rows.rejected}, ${report.rows.unchanged},
      ${storedReport(report)})`)
}
