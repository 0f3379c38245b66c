import type { StrataError } from '../../core/diagnostics.js'
import { CsvParser, type CsvRow } from './csv-parser.js'
import { fileText } from './decode-text.js'
import { readDiagnostic } from './read-error.js'
import type { TextFile } from './text-file.js'
import type { RawRecord } from './types.js'

/**
 * Records per batch. Small batches keep few records alive at once, so they die young in V8's nursery instead of
 * being promoted and swept: with a batch per 1 MB chunk, garbage collection took longer than parsing.
 */
const BATCH = 256

/** Values by column; a row longer than the header is an error unless the extra fields are all empty. */
export function csvRecord(row: CsvRow, columns: readonly string[], path: string): RawRecord {
  const { fields } = row
  const values: Record<string, string> = {}
  const n = Math.min(fields.length, columns.length)
  for (let i = 0; i < n; i++) values[columns[i]!] = fields[i]!
  if (fields.length === columns.length) return { line: row.line, values, raw: row.raw }
  const at = { file: path, line: row.line }
  const params = { expected: columns.length, found: fields.length }
  if (fields.length < columns.length) {
    return { line: row.line, values, raw: row.raw, error: readDiagnostic('csv_too_few_fields', at, params) }
  }
  if (fields.slice(columns.length).every((f) => f === '')) return { line: row.line, values, raw: row.raw }
  const error = readDiagnostic('csv_too_many_fields', { ...at, column: columns.length + 1 }, params)
  return { line: row.line, values, raw: row.raw, error }
}

/**
 * Streams the rows of a delimited text file, each turned into a `T` by `map` (undefined skips the row, e.g. the
 * header). Rows are parsed a small batch at a time, synchronously from the decoded text; the only awaits are for
 * the next chunk of the file.
 *
 * @example
 * csvStream(file, ',', (row) => (row.line > 1 ? csvRecord(row, columns, file.path) : undefined))
 */
export function csvStream<T>(
  file: TextFile,
  delimiter: string,
  map: (row: CsvRow) => T | undefined,
  onProgress?: (bytesRead: number) => void,
): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: () => new CsvIterator(file, delimiter, map, onProgress) }
}

class CsvIterator<T> implements AsyncIterator<T> {
  private readonly parser: CsvParser
  private readonly text: AsyncGenerator<string>
  private rows: CsvRow[] = []
  private i = 0
  private inputDone = false
  private finished = false
  private failure: StrataError | undefined

  constructor(
    file: TextFile,
    delimiter: string,
    private readonly map: (row: CsvRow) => T | undefined,
    onProgress?: (bytesRead: number) => void,
  ) {
    this.parser = new CsvParser(delimiter, file.path)
    this.text = fileText(file.path, file.gzip, file.encoding, onProgress)
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.nextReady()
    return value === undefined ? this.nextAfterRead() : Promise.resolve({ done: false, value })
  }

  async return(): Promise<IteratorResult<T>> {
    this.finished = true
    await this.text.return(undefined)
    return { done: true, value: undefined }
  }

  /** The next value if it can be had without reading more of the file. */
  private nextReady(): T | undefined {
    for (;;) {
      while (this.i < this.rows.length) {
        const value = this.map(this.rows[this.i++]!)
        if (value !== undefined) return value
      }
      if (this.finished) return undefined
      this.rows = []
      this.i = 0
      const more = this.inputDone
        ? this.parser.takeLast(this.rows, BATCH)
        : this.parser.take(this.rows, BATCH)
      if (!more) {
        this.failure = this.parser.failure
        if (this.inputDone || this.failure) this.finished = true
        if (this.rows.length === 0) return undefined
      }
    }
  }

  private async nextAfterRead(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.finished) {
        const failure = this.failure
        this.failure = undefined
        if (failure) {
          await this.text.return(undefined)
          throw failure
        }
        return { done: true, value: undefined }
      }
      const chunk = await this.text.next()
      if (chunk.done) this.inputDone = true
      else this.parser.feed(chunk.value)
      const value = this.nextReady()
      if (value !== undefined) return { done: false, value }
    }
  }
}
