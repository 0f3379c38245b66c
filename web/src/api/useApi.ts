import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, api } from './client.js'

export interface Loaded<T> {
  readonly data: T | undefined
  readonly error: ApiError | undefined
  readonly loading: boolean
  reload(): void
}

/**
 * Fetches `path` (null: nothing yet) and refetches when it changes; a stale answer never overwrites a newer
 * one (the previous request is aborted).
 */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({
    loading: path !== null,
  })
  const [tick, setTick] = useState(0)
  const live = useRef<AbortController | null>(null)
  const shown = useRef<string | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload trigger
  useEffect(() => {
    if (path === null) return
    live.current?.abort()
    const ctrl = new AbortController()
    live.current = ctrl
    // A reload keeps the figures on screen while it runs; another address starts blank (no stale page).
    const same = shown.current === path
    shown.current = path
    setState((s) => ({ data: same ? s.data : undefined, loading: true }))
    api<T>(path, { signal: ctrl.signal }).then(
      (data) => !ctrl.signal.aborted && setState({ data, loading: false }),
      (error: unknown) => {
        if (ctrl.signal.aborted) return
        setState({
          error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error)),
          loading: false,
        })
      },
    )
    return () => ctrl.abort()
  }, [path, tick])
  const reload = useCallback(() => setTick((n) => n + 1), [])
  return { data: state.data, error: state.error, loading: state.loading, reload }
}
