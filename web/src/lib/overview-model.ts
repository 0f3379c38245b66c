// What the overview shows, derived from the dashboard answer: pure, so it is unit-tested without a browser.
import type { Dashboard, GroupSummary } from '../api/types.js'

export interface FunnelStep {
  key: 'known' | 'bought' | 'repeat' | 'loyal'
  value: number
}

/**
 * The lifecycle funnel as cumulative steps: every known customer → bought at least once → bought at least
 * twice → Loyal now. Each step is a subset of the one above, so the widths always shrink.
 */
export function lifecycleFunnel(d: Dashboard): { steps: FunnelStep[]; atRisk: number; churned: number } {
  const stage = (k: string) => d.segments.byLifecycle.find((g) => g.key === k)?.customers ?? 0
  return {
    steps: [
      { key: 'known', value: d.current.customers },
      { key: 'bought', value: d.current.buyers },
      { key: 'repeat', value: d.current.repeaters },
      { key: 'loyal', value: stage('Loyal') },
    ],
    atRisk: stage('At-risk'),
    churned: stage('Churned'),
  }
}

/** Value tiers in pyramid order (high value at the top), leaving out customers without a tier. */
export function tierPyramid(d: Dashboard, order: readonly string[]): GroupSummary[] {
  return order
    .map((k) => d.segments.byValueTier.find((g) => g.key === k))
    .filter((g): g is GroupSummary => !!g)
}

/** Segments with a name, best first in the map's order (as the server sends them). */
export function namedSegments(d: Dashboard): GroupSummary[] {
  return d.segments.bySegment.filter((g) => g.key !== null)
}
