import type { ReactNode } from 'react'
import type { ApiError } from '../api/client.js'
import type { Loaded } from '../api/useApi.js'
import { useI18n } from '../i18n/I18n.js'

/** Grey blocks shaped like what is loading, so the page does not jump when it arrives. */
export function Skeleton({
  height = 16,
  width = '100%',
  count = 1,
}: {
  height?: number
  width?: number | string
  count?: number
}) {
  return (
    <div aria-hidden="true" className="skeleton-group">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders
        <div key={i} className="skeleton" style={{ height, width }} />
      ))}
    </div>
  )
}

/** A region that is loading: announced once to screen readers, skeleton shown. */
export function Loading({ children }: { children?: ReactNode }) {
  const { t } = useI18n()
  return (
    <div role="status" aria-live="polite" className="loading">
      <span className="visually-hidden">{t('common.loading')}</span>
      {children ?? <Skeleton count={3} />}
    </div>
  )
}

export function ErrorState({ error, onRetry }: { error: ApiError | Error; onRetry?: () => void }) {
  const { t } = useI18n()
  const message = 'status' in error && error.status === 0 ? t('common.offline') : error.message
  return (
    <div role="alert" className="state state-error">
      <p className="state-title">{t('common.error_title')}</p>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  )
}

/**
 * A loaded list in its states: the error with a retry, a skeleton while it loads, `empty` when it has no
 * items (when given), then the caller's rendering of the items.
 */
export function ListState<T>({
  list,
  skeleton,
  empty,
  children,
}: {
  list: Loaded<{ items: T[] }>
  skeleton: { height: number; count: number }
  empty?: ReactNode
  children: (items: T[]) => ReactNode
}) {
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />
  if (!list.data)
    return (
      <Loading>
        <Skeleton height={skeleton.height} count={skeleton.count} />
      </Loading>
    )
  if (list.data.items.length === 0 && empty !== undefined) return <>{empty}</>
  return <>{children(list.data.items)}</>
}
