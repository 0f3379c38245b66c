/** The pages of the app, matched from a path (pure, unit-tested). */
export type Route =
  | { page: 'overview' }
  | { page: 'customers' }
  | { page: 'customer'; id: string }
  | { page: 'segments' }
  | { page: 'import' }
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
  if (head === 'customers' && parts.length === 2 && second) {
    try {
      return { page: 'customer', id: decodeURIComponent(second) }
    } catch {
      return { page: 'not_found' }
    }
  }
  if (parts.length === 1) {
    switch (head) {
      case 'customers':
      case 'segments':
      case 'import':
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
