import { CATEGORIES, PRODUCT_TABLES } from './catalog.js'
import type { Prng } from './prng.js'

/** One basket line: category and product indexes, quantity. */
export interface Line {
  category: number
  product: number
  quantity: number
}

/**
 * Fills `lines` with a basket of `size` distinct products chosen by the shopper's category table and
 * spend level (−3 … 3). Returns the subtotal in fen.
 */
export function fillBasket(
  rng: Prng,
  lines: Line[],
  size: number,
  categoryTable: Float64Array,
  spendLevel: number,
): number {
  lines.length = 0
  let subtotal = 0
  const level = spendLevel + 3
  for (let k = 0; k < size; k++) {
    const category = rng.weighted(categoryTable)
    const product = rng.weighted(PRODUCT_TABLES[category]![level]!)
    // A second pick of a product already in the basket is dropped, not doubled: baskets stay varied.
    let duplicate = false
    for (const l of lines) if (l.category === category && l.product === product) duplicate = true
    if (duplicate) continue
    const max = CATEGORIES[category]!.maxQuantity
    const quantity = max > 1 && rng.chance(0.35) ? rng.int(2, max) : 1
    lines.push({ category, product, quantity })
    subtotal += quantity * CATEGORIES[category]!.products[product]!.priceFen
  }
  return subtotal
}

/** Chance that a basket comes back (the highest return rate among its categories). */
export function returnChance(lines: readonly Line[]): number {
  let p = 0
  for (const l of lines) p = Math.max(p, CATEGORIES[l.category]!.returnRate)
  return p
}
