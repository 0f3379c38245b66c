import { open } from 'node:fs/promises'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { decompress as zstdDecompress } from 'fzstd'
import {
  type AsyncBuffer,
  type Compressors,
  type FileMetaData,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
} from 'hyparquet'
import { fail, ok, type Result } from '../../core/diagnostics.js'
import { readDiagnostic, readFailure } from './read-error.js'
import type { RawRecord, RawValue, RecordSource } from './types.js'
import { wallClockText } from './wall-clock.js'

/** How a column's JS values become cells, from its Parquet type. */
type ColumnKind =
  | { kind: 'date' }
  | { kind: 'timestamp'; utc: boolean }
  | { kind: 'decimal'; scale: number }
  | { kind: 'plain' }

/**
 * Codecs hyparquet leaves to the caller: ZSTD (DuckDB's and Polars' choice; Node 20's zlib has no zstd, hence
 * the small pure-JS fzstd), GZIP and BROTLI from node:zlib. SNAPPY is built into hyparquet.
 */
const COMPRESSORS: Compressors = {
  ZSTD: (input, outputLength) => zstdDecompress(input, new Uint8Array(outputLength)),
  GZIP: (input) => new Uint8Array(gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(brotliDecompressSync(input)),
}

async function fileBuffer(path: string): Promise<{ buffer: AsyncBuffer; close: () => Promise<void> }> {
  const handle = await open(path, 'r')
  const { size } = await handle.stat()
  const buffer: AsyncBuffer = {
    byteLength: size,
    async slice(start, end = size) {
      const bytes = new Uint8Array(end - start)
      await handle.read(bytes, 0, bytes.length, start)
      return bytes.buffer
    },
  }
  return { buffer, close: () => handle.close() }
}

function columnKinds(metadata: FileMetaData): Map<string, ColumnKind> {
  const kinds = new Map<string, ColumnKind>()
  for (const child of parquetSchema(metadata).children) {
    const e = child.element
    const lt = e.logical_type
    let kind: ColumnKind = { kind: 'plain' }
    if (e.converted_type === 'DECIMAL' || lt?.type === 'DECIMAL')
      kind = { kind: 'decimal', scale: e.scale ?? 0 }
    else if (e.converted_type === 'DATE' || lt?.type === 'DATE') kind = { kind: 'date' }
    else if (lt?.type === 'TIMESTAMP') kind = { kind: 'timestamp', utc: lt.isAdjustedToUTC }
    else if (
      e.converted_type === 'TIMESTAMP_MILLIS' ||
      e.converted_type === 'TIMESTAMP_MICROS' ||
      e.type === 'INT96'
    ) {
      kind = { kind: 'timestamp', utc: true }
    }
    kinds.set(e.name, kind)
  }
  return kinds
}

const jsonSafe = (_key: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)

/**
 * A Parquet value as a cell. Decimals become exact decimal text (hyparquet hands them over as floats scaled from
 * the exact integer, so fixing the scale recovers the digits); dates and wall-clock timestamps become
 * 'YYYY-MM-DD[ HH:MM:SS]'; UTC-adjusted timestamps ISO text with `Z`, so the date parser moves them to the store's zone.
 */
function toCell(value: unknown, kind: ColumnKind): RawValue {
  if (value === null || value === undefined) return null
  if (kind.kind === 'decimal' && typeof value === 'number') return value.toFixed(kind.scale)
  if (value instanceof Date) {
    if (kind.kind === 'date') return value.toISOString().slice(0, 10)
    if (kind.kind === 'timestamp' && kind.utc) return value.toISOString()
    return wallClockText(value)
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
  return JSON.stringify(value, jsonSafe)
}

/**
 * Opens a Parquet file with hyparquet (pure JS) and streams it one row group at a time, so memory is bounded by
 * the largest row group. Line = row index + 1.
 *
 * @example
 * const src = await openParquetSource('orders.parquet', 1234)
 */
export async function openParquetSource(path: string, sizeBytes: number): Promise<Result<RecordSource>> {
  let metadata: FileMetaData
  const { buffer, close } = await fileBuffer(path)
  try {
    metadata = await parquetMetadataAsync(buffer)
  } catch (error) {
    return fail(readDiagnostic('parquet_invalid', { file: path }, { reason: (error as Error).message }))
  } finally {
    await close()
  }
  const codecs = new Set(
    metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec ?? 'UNCOMPRESSED')),
  )
  const unsupported = [...codecs].filter((c) => c !== 'UNCOMPRESSED' && c !== 'SNAPPY' && !(c in COMPRESSORS))
  if (unsupported.length > 0) {
    return fail(readDiagnostic('parquet_codec', { file: path }, { codec: unsupported.join(', ') }))
  }
  const kinds = columnKinds(metadata)
  const columns = [...kinds.keys()]
  const total = Number(metadata.num_rows)
  return ok({
    file: path,
    format: 'parquet',
    encoding: 'utf-8',
    columns,
    sizeBytes,
    warnings: [],
    async *records(onProgress): AsyncGenerator<RawRecord> {
      const { buffer: file, close: done } = await fileBuffer(path)
      try {
        let rowStart = 0
        for (const group of metadata.row_groups) {
          const rowEnd = rowStart + Number(group.num_rows)
          let rows: Record<string, unknown>[]
          try {
            rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd, compressors: COMPRESSORS })
          } catch (error) {
            throw readFailure(
              'parquet_invalid',
              { file: path, line: rowStart + 1 },
              { reason: (error as Error).message },
            )
          }
          for (let i = 0; i < rows.length; i++) {
            const row = rows[i]!
            const values: Record<string, RawValue> = {}
            for (const name of columns) values[name] = toCell(row[name], kinds.get(name)!)
            yield { line: rowStart + i + 1, values, raw: JSON.stringify(values) }
          }
          rowStart = rowEnd
          onProgress?.(total === 0 ? sizeBytes : Math.round((sizeBytes * rowStart) / total))
        }
      } finally {
        await done()
      }
    },
  })
}
