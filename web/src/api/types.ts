// Shapes of the API answers the pages read (see src/server/routes/*.ts and /api/openapi.json).

export type Role = 'admin' | 'analyst' | 'viewer'

export interface Me {
  kind: 'user' | 'api_key'
  id: string
  name: string
  role: Role
}

export interface Kpis {
  snapshotId: string
  asOf: string
  customers: number
  active: number
  revenue: number
  buyers: number
  repeaters: number
  repeatRate: number | null
  avgClv: number | null
}

export interface GroupSummary {
  key: string | null
  customers: number
  pctCustomers: number
  revenue: number
  pctRevenue: number
  meanRecencyDays: number | null
  meanFrequency: number | null
  meanMonetary: number | null
}

export interface Dashboard {
  current: Kpis
  previous: Kpis | null
  bins: number
  activeDays: number
  currency: string
  segments: { bySegment: GroupSummary[]; byLifecycle: GroupSummary[]; byValueTier: GroupSummary[] }
  rf: { r: number; f: number; customers: number; revenue: number }[]
  trend: Kpis[]
}

export interface Page<T> {
  items: T[]
  limit: number
  offset: number
  next: number | null
}

export interface CustomerRow {
  customer_id: string
  email: string | null
  phone: string | null
  name: string | null
  gender: string | null
  birth_date: string | null
  city: string | null
  region: string | null
  country: string | null
  signup_at: string | null
  source: string | null
  consent_marketing: boolean | null
}

export interface Explanation {
  snapshot: { snapshotId: string; asOf: string }
  row: Record<string, string | number | null>
  dimensions: { dim: 'r' | 'f' | 'm'; value: number; score: number }[] | null
  code: string | null
  segment: string | null
  lifecycle: { stage: string; rule: string }
  valueTier: { tier: string | null; shareBefore: number | null }
}

export interface CustomerProfile {
  customer_id: string
  customer: (CustomerRow & { attributes: unknown }) | null
  identities: { kind: string; source: string; value: string }[]
  explanation: Explanation | null
  segments: { segment_id: string; name: string | null; entered_at: string }[]
  tags: { tag: string; source: string }[]
  recentOrders: {
    order_id: string
    ordered_at: string
    amount: number
    currency: string
    status: string
    channel: string | null
  }[]
}

export interface Sentence {
  part: 'header' | 'inputs' | 'r' | 'f' | 'm' | 'code' | 'lifecycle' | 'tier' | 'predictions' | 'move'
  text: string
}

export interface TimelineItem {
  kind: 'order' | 'event' | 'feedback'
  at: string
  title: string
  detail: string | null
  amount: number | null
  currency: string | null
}

export interface Job<T = unknown> {
  jobId: string
  kind: string
  state: 'running' | 'done' | 'failed'
  progress: Record<string, unknown>
  result?: T
}

export interface StoreStatus {
  counts: { customers: number; orders: number; events: number; feedback: number; imports: number }
}

export interface SegmentInfo {
  segmentId: string
  name: string
  kind: 'dynamic' | 'static'
  definition: string | null
  description: string | null
  computedAt: string | null
  computedAsOf: string | null
  members: number
}

/** The fast first part of a preview (`POST /api/segments/preview/count`). */
export interface SegmentCount {
  canonical: string
  members: number
  population: number
  shareOfCustomers: number | null
  elapsedMs: number | null
}

export interface SegmentPreview extends SegmentCount {
  shareOfRevenue: number | null
  sample: string[]
}

export interface SizePoint {
  computedAt: string
  asOf: string | null
  members: number
  entered: number
  exited: number
}

export interface SegmentTemplate {
  id: string
  group: string
  name: Record<string, string>
  description: Record<string, string>
  definition: string
}

export interface FieldDoc {
  name: string
  type: string
  kind: string
  values: string[] | null
  description: string
}
