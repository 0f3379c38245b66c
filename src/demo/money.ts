/**
 * Decimal text of an amount in fen (1/100 yuan): exact, no binary floats on the way to the store.
 *
 * @example
 * fenToText(-1990) // '-19.90'
 */
export function fenToText(fen: number): string {
  const negative = fen < 0
  const abs = negative ? -fen : fen
  const cents = abs % 100
  return `${negative ? '-' : ''}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`
}
