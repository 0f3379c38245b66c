// A preview of the first rows of an upload, read in the browser before anything is sent (pure: unit-tested).

/** Splits one CSV line into cells: commas (or tabs / semicolons when `sep` says so), "quoted ""cells""". */
export function splitCsvLine(line: string, sep = ','): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === sep) {
      cells.push(cell)
      cell = ''
    } else cell += ch
  }
  cells.push(cell)
  return cells
}

/** The separator a header line most likely uses. */
export function guessSeparator(header: string): string {
  const counts = [',', '\t', ';', '|'].map((s) => [s, header.split(s).length] as const)
  return counts.sort((a, b) => b[1] - a[1])[0]![0]
}

export interface Preview {
  readonly columns: string[]
  readonly rows: string[][]
}

/**
 * The header and first `n` rows of CSV/TSV text, or of NDJSON / a JSON array of objects (keys of the first
 * records). Null when the text is none of these (Parquet, Excel: the server reads those).
 */
export function previewText(text: string, n = 5): Preview | null {
  const body = text.replace(/^\uFEFF/, '')
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '')
  if (lines.length === 0) return null
  const first = lines[0]!.trim()
  if (first.startsWith('{') || first.startsWith('[')) {
    const records: Record<string, unknown>[] = []
    if (first.startsWith('{')) {
      for (const l of lines.slice(0, n)) {
        try {
          records.push(JSON.parse(l) as Record<string, unknown>)
        } catch {
          break
        }
      }
    } else {
      // A JSON array may be cut at the preview's byte limit: take the complete objects at its start.
      for (const m of body.matchAll(/\{[^{}]*\}/g)) {
        if (records.length >= n) break
        try {
          records.push(JSON.parse(m[0]) as Record<string, unknown>)
        } catch {
          // a cut or nested object: skip it
        }
      }
    }
    if (records.length === 0) return null
    const columns = [...new Set(records.flatMap((r) => Object.keys(r)))]
    return {
      columns,
      rows: records.map((r) => columns.map((c) => (r[c] === undefined || r[c] === null ? '' : String(r[c])))),
    }
  }
  const sep = guessSeparator(first)
  return { columns: splitCsvLine(first, sep), rows: lines.slice(1, n + 1).map((l) => splitCsvLine(l, sep)) }
}
