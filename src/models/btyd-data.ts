/**
 * The fitting data of the frequency models: one row per DISTINCT (x, t_x, T) with the number of customers
 * who share it, held in typed arrays. Likelihood loops cache everything that depends only on x, on t_x or
 * on T, so the cost of an evaluation grows with the number of distinct values, not with customers.
 */

/** Time unit of t_x, T and prediction horizons. */
export type TimeUnit = 'day' | 'week'

/** Days per unit. */
export const UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7 }

/** One collapsed summary row as it comes from SQL: times in whole calendar days. */
export interface BtydTupleRow {
  readonly x: number
  readonly tx_days: number
  readonly T_days: number
  readonly n: number
}

/** Columnar, de-duplicated fitting data. Times are in `unit`s. */
export interface BtydData {
  readonly unit: TimeUnit
  readonly size: number
  readonly customers: number
  readonly x: Int32Array
  readonly tx: Float64Array
  readonly T: Float64Array
  readonly weight: Float64Array
  /** Index of each row's x / t_x / T in the distinct-value arrays below. */
  readonly xIndex: Int32Array
  readonly txIndex: Int32Array
  readonly TIndex: Int32Array
  readonly xValues: Float64Array
  readonly txValues: Float64Array
  readonly TValues: Float64Array
}

/**
 * Builds the columnar data from collapsed rows (day counts), converting days to the unit.
 *
 * @example
 * const data = btydData([{ x: 2, tx_days: 213, T_days: 272, n: 1 }], 'week')
 * data.tx[0] // 30.43
 */
export function btydData(rows: readonly BtydTupleRow[], unit: TimeUnit): BtydData {
  const perUnit = UNIT_DAYS[unit]
  const size = rows.length
  const x = new Int32Array(size)
  const tx = new Float64Array(size)
  const T = new Float64Array(size)
  const weight = new Float64Array(size)
  const xIndex = new Int32Array(size)
  const txIndex = new Int32Array(size)
  const TIndex = new Int32Array(size)
  const xs = new Map<number, number>()
  const txs = new Map<number, number>()
  const Ts = new Map<number, number>()
  const indexOf = (m: Map<number, number>, v: number) => {
    let i = m.get(v)
    if (i === undefined) {
      i = m.size
      m.set(v, i)
    }
    return i
  }
  let customers = 0
  rows.forEach((row, i) => {
    x[i] = row.x
    tx[i] = row.tx_days / perUnit
    T[i] = row.T_days / perUnit
    weight[i] = row.n
    customers += row.n
    xIndex[i] = indexOf(xs, row.x)
    txIndex[i] = indexOf(txs, row.tx_days)
    TIndex[i] = indexOf(Ts, row.T_days)
  })
  const values = (m: Map<number, number>, scale: number) => {
    const out = new Float64Array(m.size)
    for (const [v, i] of m) out[i] = v / scale
    return out
  }
  return {
    unit,
    size,
    customers,
    x,
    tx,
    T,
    weight,
    xIndex,
    txIndex,
    TIndex,
    xValues: values(xs, 1),
    txValues: values(txs, perUnit),
    TValues: values(Ts, perUnit),
  }
}

/** Customers with at least one repeat purchase (x > 0). */
export function repeatBuyers(data: BtydData): number {
  let n = 0
  for (let i = 0; i < data.size; i++) if (data.x[i]! > 0) n += data.weight[i]!
  return n
}

/**
 * Every k-th row (weights kept), at most `maxRows` rows: a cheap stand-in used only to find a starting
 * point for the fit on the full data, so its small bias toward rare summaries does not matter.
 *
 * @example
 * thinned(data, 20_000).size // ≤ 20,000
 */
export function thinned(data: BtydData, maxRows: number): BtydData {
  if (data.size <= maxRows) return data
  const step = Math.ceil(data.size / maxRows)
  const perUnit = UNIT_DAYS[data.unit]
  const rows: BtydTupleRow[] = []
  for (let i = 0; i < data.size; i += step) {
    rows.push({
      x: data.x[i]!,
      tx_days: data.tx[i]! * perUnit,
      T_days: data.T[i]! * perUnit,
      n: data.weight[i]!,
    })
  }
  return btydData(rows, data.unit)
}
