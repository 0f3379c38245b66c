/** The pages of the app, matched from a path (pure, unit-tested). */
export type Route =
  | { page: 'overview' }
  | { page: 'customers' }
  | { page: 'customer'; id: string }
  | { page: 'segments' }
  | { page: 'segment_new' }
  | { page: 'segment'; id: string }
  | { page: 'import' }
  | { page: 'tags' }
  | { page: 'settings' }
  | { page: 'login' }
  | { page: 'setup' }
  | { page: 'not_found' }

/**
 * `/customers/C%2F1` → `{ page: 'customer', id: 'C/1' }`; unknown paths → not_found.
 *
 * @example
 * matchRoute('/') // { page: 'overview' }
 */
export function matchRoute(path: string): Route {
  const parts = path.replace(/\/+$/, '').split('/').filter(Boolean)
  const [head, second] = parts
  if (parts.length === 0) return { page: 'overview' }
  if ((head === 'customers' || head === 'segments') && parts.length === 2 && second) {
    if (head === 'segments' && second === 'new') return { page: 'segment_new' }
    try {
      const id = decodeURIComponent(second)
      return head === 'customers' ? { page: 'customer', id } : { page: 'segment', id }
    } catch {
      return { page: 'not_found' }
    }
  }
  if (parts.length === 1) {
    switch (head) {
      case 'customers':
      case 'segments':
      case 'import':
      case 'tags':
      case 'settings':
      case 'login':
      case 'setup':
        return { page: head }
    }
  }
  return { page: 'not_found' }
}

/** The link to a customer's page. */
export function customerPath(id: string): string {
  return `/customers/${encodeURIComponent(id)}`
}

/** The link to a saved segment's page. */
export function segmentPath(id: string): string {
  return `/segments/${encodeURIComponent(id)}`
}
