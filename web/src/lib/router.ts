import { useEffect, useState } from 'react'

// A small history router: the app has a handful of pages and needs no more than path matching.

const listeners = new Set<() => void>()

/** Goes to `path` (pushes a history entry) and tells every `usePath` user. */
export function navigate(path: string, replace = false): void {
  if (path === location.pathname + location.search) return
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  for (const l of listeners) l()
  window.scrollTo(0, 0)
}

/** The current path and query, re-rendering on navigation and on back/forward. */
export function usePath(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0)
  useEffect(() => {
    const update = () => setTick((n) => n + 1)
    listeners.add(update)
    window.addEventListener('popstate', update)
    return () => {
      listeners.delete(update)
      window.removeEventListener('popstate', update)
    }
  }, [])
  return { path: location.pathname, query: new URLSearchParams(location.search) }
}
