const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/**
 * 'YYYY-MM-DD HH:MM:SS' from a Date whose UTC fields hold a wall-clock time (how exceljs and hyparquet hand over
 * zone-less date-times), rounded to the second: spreadsheet serials often land a millisecond short.
 *
 * @example
 * wallClockText(new Date(Date.UTC(2024, 2, 5, 14, 2, 59, 999))) // '2024-03-05 14:03:00'
 */
export function wallClockText(date: Date): string {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000)
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  )
}
