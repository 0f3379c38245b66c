import type { Prng } from './prng.js'

/** A coupon applied to an order: its code and the discount in fen. */
export interface Coupon {
  code: string
  discountFen: number
}

/**
 * Picks the coupon a shopper uses on a basket, the way Chinese retail coupons work: 新人券 on a first
 * order, 满减 (spend X, save Y) and 折扣 (percentage) coupons, the 双11 / 618 跨店满减 on promotion days, and
 * the 团长 coupon in a community group. The discount never reaches the subtotal (amount stays > 0).
 */
export function pickCoupon(
  rng: Prng,
  subtotalFen: number,
  ctx: { first: boolean; promotion: boolean; month: number; community: string | null },
): Coupon {
  let code: string
  let off: number
  if (ctx.first && rng.chance(0.6)) {
    code = 'NEW20'
    off = subtotalFen >= 5900 ? 2000 : 1000
  } else if (ctx.promotion && rng.chance(0.7)) {
    code = ctx.month === 11 ? 'S11-MJ300-50' : 'S618-MJ300-40'
    const per = ctx.month === 11 ? 5000 : 4000
    off = subtotalFen >= 30000 ? Math.floor(subtotalFen / 30000) * per : subtotalFen >= 9900 ? 1000 : 500
  } else if (ctx.community && rng.chance(0.7)) {
    code = `TZ-${ctx.community}`
    off = Math.round(subtotalFen * 0.08)
  } else {
    const r = rng.next()
    if (r < 0.3 && subtotalFen >= 19900) {
      code = 'MJ199-30'
      off = 3000
    } else if (r < 0.55 && subtotalFen >= 9900) {
      code = 'MJ99-10'
      off = 1000
    } else if (r < 0.75) {
      code = 'ZK90'
      off = Math.round(subtotalFen * 0.1)
    } else if (r < 0.9) {
      code = 'ZK95'
      off = Math.round(subtotalFen * 0.05)
    } else {
      code = 'VIP88'
      off = Math.round(subtotalFen * 0.12)
    }
  }
  return { code, discountFen: Math.max(1, Math.min(off, subtotalFen - 100)) }
}
