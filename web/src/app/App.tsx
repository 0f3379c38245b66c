import { useCallback, useEffect, useMemo, useState } from 'react'
import { ApiError, api, setApiLang, setUnauthorizedHandler } from '../api/client.js'
import type { Me } from '../api/types.js'
import { Shell } from '../components/Shell.js'
import { ErrorState, Loading } from '../components/States.js'
import { useI18n } from '../i18n/I18n.js'
import { matchRoute } from '../lib/route-match.js'
import { navigate, usePath } from '../lib/router.js'
import { CustomerPage } from '../pages/CustomerPage.js'
import { CustomersPage } from '../pages/CustomersPage.js'
import { ImportPage } from '../pages/ImportPage.js'
import { LoginPage } from '../pages/LoginPage.js'
import { NotFoundPage } from '../pages/NotFoundPage.js'
import { OverviewPage } from '../pages/OverviewPage.js'
import { SegmentBuilderPage } from '../pages/SegmentBuilderPage.js'
import { SegmentPage } from '../pages/SegmentPage.js'
import { SegmentsPage } from '../pages/SegmentsPage.js'
import { SettingsPage } from '../pages/SettingsPage.js'
import { SetupPage } from '../pages/SetupPage.js'
import { TagsPage } from '../pages/TagsPage.js'
import { type Session, SessionContext } from './session.js'

type Boot =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | { state: 'setup' }
  | { state: 'signed_out' }
  | { state: 'signed_in'; me: Me; routes: ReadonlySet<string> }

async function loadRoutes(): Promise<ReadonlySet<string>> {
  const doc = await api<{ paths?: Record<string, unknown> }>('/api/openapi.json').catch(() => ({ paths: {} }))
  return new Set(Object.keys(doc.paths ?? {}))
}

/** Decides what to show: first-run set-up, sign-in, or the signed-in app; then routes by path. */
export function App() {
  const { lang } = useI18n()
  const { path } = usePath()
  const route = matchRoute(path)
  const [boot, setBoot] = useState<Boot>({ state: 'loading' })
  setApiLang(lang)

  const start = useCallback(async () => {
    try {
      const setup = await api<{ needsAdmin: boolean }>('/api/setup', { quiet401: true })
      if (setup.needsAdmin) return setBoot({ state: 'setup' })
      const me = await api<Me>('/api/auth/me', { quiet401: true }).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) return null
        throw e
      })
      if (!me) return setBoot({ state: 'signed_out' })
      setBoot({ state: 'signed_in', me, routes: await loadRoutes() })
    } catch (e) {
      setBoot({ state: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'network', String(e)) })
    }
  }, [])

  useEffect(() => {
    void start()
    setUnauthorizedHandler(() => setBoot({ state: 'signed_out' }))
    return () => setUnauthorizedHandler(null)
  }, [start])

  // Keep the address bar honest about where the user is.
  useEffect(() => {
    if (boot.state === 'setup' && route.page !== 'setup') navigate('/setup', true)
    if (boot.state === 'signed_out' && route.page !== 'login') {
      const back = route.page === 'setup' ? '/' : path
      navigate(`/login${back !== '/' ? `?next=${encodeURIComponent(back)}` : ''}`, true)
    }
    if (boot.state === 'signed_in' && route.page === 'login') navigate('/', true)
  }, [boot.state, route.page, path])

  const signOut = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST', body: {} }).catch(() => undefined)
    setBoot({ state: 'signed_out' })
  }, [])

  const session = useMemo<Session | null>(
    () => (boot.state === 'signed_in' ? { me: boot.me, routes: boot.routes, signOut } : null),
    [boot, signOut],
  )

  if (boot.state === 'loading')
    return (
      <div className="center-page">
        <Loading />
      </div>
    )
  if (boot.state === 'error')
    return (
      <div className="center-page">
        <ErrorState error={boot.error} onRetry={() => void start()} />
      </div>
    )
  if (boot.state === 'setup') return <SetupPage onSignedIn={() => void start()} />
  if (boot.state === 'signed_out') return <LoginPage onSignedIn={() => void start()} />
  // Signed in: the set-up page's second step (load data) is still reachable right after creating the admin.
  if (route.page === 'setup' && session) {
    return (
      <SessionContext.Provider value={session}>
        <SetupPage onSignedIn={() => void start()} dataStep />
      </SessionContext.Provider>
    )
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell current={path}>
        {route.page === 'overview' && <OverviewPage />}
        {route.page === 'customers' && <CustomersPage />}
        {route.page === 'customer' && <CustomerPage id={route.id} />}
        {route.page === 'segments' && <SegmentsPage />}
        {route.page === 'segment_new' && <SegmentBuilderPage />}
        {route.page === 'segment' && <SegmentPage id={route.id} />}
        {route.page === 'import' && <ImportPage />}
        {route.page === 'tags' && <TagsPage />}
        {route.page === 'settings' && <SettingsPage />}
        {(route.page === 'not_found' || route.page === 'login') && <NotFoundPage />}
      </Shell>
    </SessionContext.Provider>
  )
}
