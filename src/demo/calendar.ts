/**
 * Calendar arithmetic on day numbers (days since 1970-01-01) without `Date`, so nothing here can read
 * the clock or a time zone: the demo's timestamps are wall-clock text, as the store expects.
 */

/** Day number of a civil date (proleptic Gregorian). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Civil date of a day number. */
export function civilDate(n: number): { year: number; month: number; day: number } {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** ISO weekday, Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** `YYYY-MM-DD` of a day number. */
export function formatDay(n: number): string {
  const { year, month, day } = civilDate(n)
  return `${year}-${pad2(month)}-${pad2(day)}`
}

/** Parses a strict `YYYY-MM-DD` into a day number, or undefined when it is not a real date. */
export function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const n = dayNumber(year, month, day)
  const back = civilDate(n)
  return back.year === year && back.month === month && back.day === day ? n : undefined
}

/** `HH:MM:SS` for every second of a day, built once: timestamps are then two string concatenations. */
export const TIME_OF_DAY: readonly string[] = Array.from({ length: 86400 }, (_, s) => {
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`
})
