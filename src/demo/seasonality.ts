import { civilDate, dayNumber, isoWeekday } from './calendar.js'

/**
 * 春节 (Spring Festival) dates: a lunar holiday cannot be computed from the Gregorian calendar cheaply,
 * so the published dates are listed. Years outside the table simply get no festival effect.
 */
const SPRING_FESTIVAL: Record<number, [number, number]> = {
  2018: [2, 16],
  2019: [2, 5],
  2020: [1, 25],
  2021: [2, 12],
  2022: [2, 1],
  2023: [1, 22],
  2024: [2, 10],
  2025: [1, 29],
  2026: [2, 17],
  2027: [2, 6],
  2028: [1, 26],
  2029: [2, 13],
  2030: [2, 3],
  2031: [1, 23],
}

/**
 * Relative order intensity of a calendar day for a Chinese retailer: 双11 (the pre-sale run-up from
 * 1 November and the peak on the 11th), 618 (1–18 June), 双12, 38 女神节, the 年货 run-up before 春节 and
 * the dip during the holiday week, and a weekend lift. 1 = an ordinary weekday.
 */
export function dayIntensity(n: number): number {
  const { year, month, day } = civilDate(n)
  let w = 1
  if (month === 11) {
    if (day === 11) w = 5
    else if (day <= 10) w = 1.9
    else if (day <= 13) w = 1.4
  } else if (month === 6) {
    if (day === 18) w = 3
    else if (day < 18) w = 1.3
  } else if (month === 12 && day === 12) w = 1.8
  else if (month === 3 && day === 8) w = 1.5
  const festival = SPRING_FESTIVAL[year] ?? SPRING_FESTIVAL[year + 1]
  if (festival) {
    // The festival can fall in late January, so the run-up may start in the previous December.
    for (const y of [year, year + 1]) {
      const f = SPRING_FESTIVAL[y]
      if (!f) continue
      const offset = n - dayNumber(y, f[0], f[1])
      if (offset >= -21 && offset <= -2) w *= 1.35
      else if (offset >= -1 && offset <= 6) w *= 0.55
    }
  }
  const wd = isoWeekday(n)
  if (wd === 6) w *= 1.25
  else if (wd === 7) w *= 1.2
  else if (wd === 5) w *= 1.05
  return w
}

/** Largest value `dayIntensity` can take: the thinning bound when drawing order days. */
export const MAX_INTENSITY = 5 * 1.35 * 1.25

/** Is the day inside a big promotion (双11 or 618), when coupons are everywhere? */
export function isPromotionDay(n: number): boolean {
  const { month, day } = civilDate(n)
  return (month === 11 && day <= 11) || (month === 6 && day <= 18)
}
