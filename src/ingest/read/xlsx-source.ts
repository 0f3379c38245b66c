import ExcelJS from 'exceljs'
import { fail, ok, type Result } from '../../core/diagnostics.js'
import { headerNames } from './header-names.js'
import { readDiagnostic } from './read-error.js'
import type { RawRecord, RawValue, RecordSource } from './types.js'
import { wallClockText } from './wall-clock.js'

/**
 * A cell as a value: dates as wall-clock text (as shown in the sheet, no zone shift), formulas as their cached
 * result, rich text and hyperlinks as their text, error cells as their code ('#N/A').
 */
function cellValue(value: ExcelJS.CellValue | undefined): RawValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return wallClockText(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('hyperlink' in value) return cellValue(value.text as ExcelJS.CellValue)
  if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result as ExcelJS.CellValue)
  if ('error' in value) return value.error
  return JSON.stringify(value)
}

/**
 * Opens an XLSX workbook with exceljs: the named sheet or the first one; its first non-empty row is the header.
 * The workbook is read whole (exceljs' streaming reader cannot pick a sheet by name reliably); sheets are limited to
 * about a million rows by Excel itself.
 *
 * @example
 * const src = await openXlsxSource('customers.xlsx', 5120, '会员')
 */
export async function openXlsxSource(
  path: string,
  sizeBytes: number,
  sheet?: string,
): Promise<Result<RecordSource>> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.readFile(path)
  } catch (error) {
    return fail(readDiagnostic('xlsx_invalid', { file: path }, { reason: (error as Error).message }))
  }
  const sheets = workbook.worksheets.map((w) => w.name)
  const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet)
  if (!worksheet) {
    return fail(
      readDiagnostic('xlsx_no_sheet', { file: path }, { sheet: sheet ?? '', sheets: sheets.join(', ') }),
    )
  }
  let headerRow = 0
  for (let r = 1; r <= worksheet.rowCount && headerRow === 0; r++)
    if (worksheet.getRow(r).hasValues) headerRow = r
  if (headerRow === 0) return fail(readDiagnostic('empty_file', { file: path }, { sheet: worksheet.name }))
  const header = worksheet.getRow(headerRow)
  const cells: string[] = []
  for (let c = 1; c <= header.cellCount; c++) cells.push(String(cellValue(header.getCell(c).value) ?? ''))
  const { names, warnings } = headerNames(cells, path, headerRow)
  return ok({
    file: path,
    format: 'xlsx',
    encoding: 'utf-8',
    columns: names,
    sizeBytes,
    warnings,
    async *records(onProgress): AsyncGenerator<RawRecord> {
      const last = worksheet.rowCount
      for (let r = headerRow + 1; r <= last; r++) {
        const row = worksheet.getRow(r)
        if (!row.hasValues) continue
        const values: Record<string, RawValue> = {}
        names.forEach((name, i) => {
          values[name] = cellValue(row.getCell(i + 1).value)
        })
        yield { line: r, values, raw: JSON.stringify(values) }
        if (r % 1000 === 0) onProgress?.(Math.round((sizeBytes * r) / last))
      }
      onProgress?.(sizeBytes)
    },
  })
}
