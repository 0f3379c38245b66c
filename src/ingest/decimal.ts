/**
 * Exact money arithmetic on decimal text: values are bigints scaled by 10^4, the scale of the store's
 * `money` type (DECIMAL(18,4)). Floats would make Σ quantity × price differ in the last bits between runs.
 */
export const SCALE = 4
const FACTOR = 10n ** BigInt(SCALE)

/**
 * Decimal text (`-12.5`, `3`, `0.0045`) as a scaled bigint; digits past the scale are rounded half away from
 * zero. Undefined for text that is not a plain decimal.
 *
 * @example
 * toScaled('2.55') // 25500n
 */
export function toScaled(text: string, scale = SCALE): bigint | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim())
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined
  const frac = m[3] ?? ''
  const kept = frac.slice(0, scale).padEnd(scale, '0')
  let value = BigInt((m[2] || '0') + kept)
  const next = frac.charCodeAt(scale)
  if (next >= 53 /* '5' */ && next <= 57) value += 1n
  return m[1] === '-' ? -value : value
}

/** Product of two scaled values, rounded back to the scale (half away from zero). */
export function mulScaled(a: bigint, b: bigint): bigint {
  const p = a * b
  const half = FACTOR / 2n
  return p >= 0n ? (p + half) / FACTOR : -((-p + half) / FACTOR)
}

/**
 * A scaled bigint as decimal text with exactly `SCALE` decimals.
 *
 * @example
 * fromScaled(-25500n) // '-2.5500'
 */
export function fromScaled(value: bigint): string {
  const neg = value < 0n
  const digits = (neg ? -value : value).toString().padStart(SCALE + 1, '0')
  return `${neg ? '-' : ''}${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`
}
