import { fail, ok, type Result, StrataError } from '../../core/diagnostics.js'
import type { CsvRow } from './csv-parser.js'
import { csvRecord, csvStream } from './csv-records.js'
import { headerNames } from './header-names.js'
import { readDiagnostic } from './read-error.js'
import type { TextFile } from './text-file.js'
import type { RecordSource } from './types.js'

/**
 * Opens a CSV/TSV file: reads the header row (line 1 unless the file starts with empty lines) and returns a
 * source whose records are the rows after it.
 *
 * @example
 * const src = await openCsvSource(file, 'csv', ',')
 */
export async function openCsvSource(
  file: TextFile,
  format: 'csv' | 'tsv',
  delimiter: string,
): Promise<Result<RecordSource>> {
  let header: CsvRow | undefined
  try {
    for await (const row of csvStream(file, delimiter, (r) => r)) {
      header = row
      break
    }
  } catch (error) {
    if (error instanceof StrataError) return fail(error.diagnostic)
    throw error
  }
  if (!header) return fail(readDiagnostic('empty_file', { file: file.path }))
  const { names, warnings } = headerNames(header.fields, file.path, header.line)
  const headerLine = header.line
  return ok({
    file: file.path,
    format,
    encoding: file.encoding.name,
    columns: names,
    headerText: header.raw,
    delimiter,
    sizeBytes: file.sizeBytes,
    warnings,
    records(onProgress) {
      const record = (row: CsvRow) => (row.line > headerLine ? csvRecord(row, names, file.path) : undefined)
      return csvStream(file, delimiter, record, onProgress)
    },
  })
}
