import type { Diagnostic } from '../../core/diagnostics.js'
import { readDiagnostic } from './read-error.js'

/**
 * Column names from a header row: trimmed, a stray BOM removed, an empty name replaced by `column_N` and a repeated
 * name suffixed `_2`, `_3` … so every column stays addressable; each repair comes with a warning.
 *
 * @example
 * headerNames(['id', ' 金额 ', 'id', ''], 'a.csv').names // ['id', '金额', 'id_2', 'column_4']
 */
export function headerNames(
  cells: readonly string[],
  file: string,
  line = 1,
): { names: string[]; warnings: Diagnostic[] } {
  const names: string[] = []
  const warnings: Diagnostic[] = []
  const seen = new Set<string>()
  cells.forEach((cell, i) => {
    const column = i + 1
    let name = cell.replace(/^\uFEFF/, '').trim()
    if (name === '') {
      name = `column_${column}`
      warnings.push(readDiagnostic('header_empty', { file, line, column }, { name }, 'warning'))
    } else if (seen.has(name)) {
      let k = 2
      while (seen.has(`${name}_${k}`) || cells.includes(`${name}_${k}`)) k++
      warnings.push(
        readDiagnostic(
          'header_duplicate',
          { file, line, column },
          { name, renamed: `${name}_${k}` },
          'warning',
        ),
      )
      name = `${name}_${k}`
    }
    while (seen.has(name)) name = `${name}_`
    seen.add(name)
    names.push(name)
  })
  return { names, warnings }
}
