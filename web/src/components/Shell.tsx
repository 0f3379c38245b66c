import type { ReactNode } from 'react'
import { useSession } from '../app/session.js'
import type { MessageKey } from '../i18n/catalog.js'
import { useI18n } from '../i18n/I18n.js'
import { navigate } from '../lib/router.js'
import { LangSwitcher } from './LangSwitcher.js'

interface NavItem {
  path: string
  label: MessageKey
  icon: string
  show: boolean
}

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  const { t } = useI18n()
  return (
    <a
      href={item.path}
      className={`nav-link ${active ? 'active' : ''}`}
      aria-current={active ? 'page' : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        navigate(item.path)
      }}
    >
      <span aria-hidden="true" className="nav-icon">
        {item.icon}
      </span>
      <span>{t(item.label)}</span>
    </a>
  )
}

/** The frame of every signed-in page: side navigation, top bar (language, user), content. */
export function Shell({ current, children }: { current: string; children: ReactNode }) {
  const { t } = useI18n()
  const { me, routes, signOut } = useSession()
  const items: NavItem[] = [
    { path: '/', label: 'nav.overview', icon: '◧', show: true },
    { path: '/customers', label: 'nav.customers', icon: '◎', show: true },
    { path: '/segments', label: 'nav.segments', icon: '▤', show: routes.has('/api/segments') },
    { path: '/tags', label: 'nav.tags', icon: '⌗', show: routes.has('/api/tags') },
    { path: '/import', label: 'nav.import', icon: '⇪', show: true },
    { path: '/settings', label: 'nav.settings', icon: '⚙', show: true },
  ]
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('app.tagline')}</small>
          </span>
        </div>
        <nav aria-label={t('nav.main')}>
          {items
            .filter((i) => i.show)
            .map((i) => (
              <NavLink
                key={i.path}
                item={i}
                active={i.path === '/' ? current === '/' : current.startsWith(i.path)}
              />
            ))}
        </nav>
      </aside>
      <div className="main-col">
        <header className="topbar">
          <div className="topbar-spacer" />
          <LangSwitcher />
          <div className="user" title={t('user.signed_in_as', { name: me.name })}>
            <span className="avatar" aria-hidden="true">
              {me.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="user-name">{me.name}</span>
            <span className={`role role-${me.role}`} data-testid="role">
              {t(`role.${me.role}` as MessageKey)}
            </span>
          </div>
          <button type="button" className="btn btn-ghost" onClick={() => void signOut()}>
            {t('user.logout')}
          </button>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  )
}
