import { DEFAULT_SEGMENT_MAP, type SegmentMap } from './rfm-segment-map.js'

/** Number of score bins: quintiles (DESIGN §4 default) or quartiles. */
export type Bins = 4 | 5

/**
 * Cut-offs for one RFM dimension, replacing the rank formula: `bins − 1` ascending numbers.
 * Recency: the largest recency (days) that still earns score bins, bins−1, … (lower is better).
 * Frequency / monetary: the smallest value that earns score 2, 3, … bins.
 */
export type Thresholds = readonly number[]

export interface RfmConfig {
  readonly bins: Bins
  readonly thresholds: { readonly r?: Thresholds; readonly f?: Thresholds; readonly m?: Thresholds }
  /** Segment name (English, canonical) → the codes it covers. Checked by `checkSegmentMap`. */
  readonly segments?: SegmentMap
}

export interface LifecycleConfig {
  /** Days since the last purchase after which a customer is Churned. */
  readonly churnDays: number
  /** Days since their only purchase after which a one-time buyer is At-risk. */
  readonly oneTimeAtRiskDays: number
  /** A repeat buyer is At-risk past this multiple of their own median purchase interval … */
  readonly atRiskIntervalMultiple: number
  /** … and never sooner than this many days. */
  readonly atRiskMinDays: number
  /** Loyal = repeat buyer with at least `minOrders` purchases, R ≥ `minR` and F ≥ `minF`. */
  readonly loyal: { readonly minOrders: number; readonly minR: number; readonly minF: number }
  /** When a model supplies P(alive), a customer below this is Churned. */
  readonly pAliveChurn: number
}

export interface ValueTierConfig {
  /** What "value" is: net spend so far, or predicted 12-month CLV (falls back to monetary when absent). */
  readonly basis: 'monetary' | 'clv'
  /**
   * Cumulative shares of total value: the customers (best first) who make the first `high` share are
   * high value, up to `potential` potential, up to `regular` regular, the rest low.
   */
  readonly high: number
  readonly potential: number
  readonly regular: number
}

export interface AnalysisConfig {
  readonly rfm: RfmConfig
  readonly lifecycle: LifecycleConfig
  readonly valueTiers: ValueTierConfig
  /** churn_risk = 1 − p_alive: Low below `medium`, Medium below `high`, else High. */
  readonly churnBands: { readonly medium: number; readonly high: number }
  /** Order `channel` values counted as each channel group (lowercase). */
  readonly channels: {
    readonly online: readonly string[]
    readonly store: readonly string[]
    readonly community: readonly string[]
  }
  /**
   * Top categories and brands look at the last `preferenceDays` days of the window (0 = the whole
   * window): tastes drift, and item lines are the largest table, so the default year also bounds cost.
   */
  readonly features: { readonly preferenceDays: number }
  /** Event `type` values counted as views, searches and add-to-carts. */
  readonly events: {
    readonly view: readonly string[]
    readonly search: readonly string[]
    readonly cart: readonly string[]
  }
}

/**
 * The defaults of DESIGN §4. Every field can be overridden by a config file or a flag.
 *
 * @example
 * const config = { ...DEFAULT_CONFIG, rfm: { ...DEFAULT_CONFIG.rfm, bins: 4 } }
 */
export const DEFAULT_CONFIG: AnalysisConfig = {
  rfm: { bins: 5, thresholds: {}, segments: DEFAULT_SEGMENT_MAP },
  lifecycle: {
    churnDays: 180,
    oneTimeAtRiskDays: 90,
    atRiskIntervalMultiple: 2,
    atRiskMinDays: 30,
    loyal: { minOrders: 3, minR: 4, minF: 4 },
    pAliveChurn: 0.1,
  },
  valueTiers: { basis: 'monetary', high: 0.2, potential: 0.5, regular: 0.8 },
  churnBands: { medium: 0.3, high: 0.7 },
  channels: {
    online: ['app', 'mini_program', 'web', 'online', 'ecommerce'],
    store: ['store', 'offline', 'pos'],
    community: ['community', 'group_buy', 'community_group_buy'],
  },
  features: { preferenceDays: 365 },
  events: {
    view: ['view', 'page_view', 'product_view'],
    search: ['search'],
    cart: ['add_to_cart', 'cart'],
  },
}
