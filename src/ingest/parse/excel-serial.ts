/** Serial of 9999-12-31 + 1: the last day Excel can show. */
const MAX_SERIAL = 2958466
const DAY_MS = 86_400_000

/**
 * Date-time fields of an Excel serial number (days since 1899-12-30 in the 1900 date system, time as the
 * fraction), rounded to the second. Serial 60 is Excel's fictitious 1900-02-29 and is refused, as is anything
 * outside 1 … 9999-12-31.
 *
 * @example
 * excelSerialToParts(45356.585416667) // { year: 2024, month: 3, day: 5, hour: 14, minute: 3, second: 0 }
 */
export function excelSerialToParts(
  serial: number,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL) return undefined
  const days = Math.floor(serial)
  if (days === 60) return undefined
  // Excel counts the non-existent 1900-02-29, so serials before it start one day later.
  const epoch = Date.UTC(1899, 11, days < 60 ? 31 : 30)
  const ms = epoch + days * DAY_MS + Math.round((serial - days) * 86_400) * 1000
  const d = new Date(ms)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  }
}
