/**
 * Thresholds of the built-in tags. Share-based tags need a few orders first: one discounted order out of
 * one says nothing about price sensitivity. Quantile thresholds are taken over the snapshot's scored
 * customers, so "high AOV" means the same thing for a bakery and for an appliance shop.
 */
export interface TagConfig {
  /** Orders a customer needs before a share-based tag (price, night, weekend, community, category) applies. */
  readonly minOrders: number
  readonly priceSensitiveShare: number
  readonly nightShare: number
  readonly weekendShare: number
  readonly communityShare: number
  /** Quantile of AOV among scored customers above which AOV is high (0.9 = top 10%). */
  readonly highAovQuantile: number
  /** Quantile of net spend above which a customer is a big spender. */
  readonly bigSpenderQuantile: number
  /** A lapsed VIP spent at least this quantile of net spend and has bought nothing for `lapsedDays`. */
  readonly lapsedVipQuantile: number
  readonly lapsedDays: number
  /** Share of item spend in one category that makes a category lover. */
  readonly categoryLoverShare: number
  /**
   * A new parent: at least this share of the last year's purchases contained a baby product, and at least
   * `newParentMinOrders` of them did; `babyCategories` are the categories that count.
   */
  readonly newParentShare: number
  readonly newParentMinOrders: number
  readonly babyCategories: readonly string[]
  readonly refundShare: number
  readonly minRefunds: number
}

export const DEFAULT_TAG_CONFIG: TagConfig = {
  minOrders: 3,
  priceSensitiveShare: 0.6,
  nightShare: 0.5,
  weekendShare: 0.6,
  communityShare: 0.5,
  highAovQuantile: 0.9,
  bigSpenderQuantile: 0.95,
  lapsedVipQuantile: 0.8,
  lapsedDays: 180,
  categoryLoverShare: 0.5,
  newParentShare: 0.5,
  newParentMinOrders: 3,
  babyCategories: ['母婴', '母嬰', 'baby', 'baby & kids', 'maternity'],
  refundShare: 0.3,
  minRefunds: 2,
}

/** The spend and AOV cut-offs of one snapshot (quantiles of its scored customers). */
export interface TagCutoffs {
  readonly highAov: number | null
  readonly bigSpender: number | null
  readonly lapsedVip: number | null
}
