import { type FormEvent, useState } from 'react'
import type { CustomerRow, Page } from '../api/types.js'
import { useApi } from '../api/useApi.js'
import { seesPii, useSession } from '../app/session.js'
import { Card } from '../components/Card.js'
import { EmptyState, ErrorState, Loading, Skeleton } from '../components/States.js'
import { formatDate } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { customerPath } from '../lib/route-match.js'
import { navigate, usePath } from '../lib/router.js'

export function CustomersPage() {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const { query } = usePath()
  const q = query.get('q') ?? ''
  const [text, setText] = useState(q)
  const [limit, setLimit] = useState(50)
  const list = useApi<Page<CustomerRow>>(
    `/api/customers?limit=${limit}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  )
  const pii = seesPii(me)

  function submit(e: FormEvent) {
    e.preventDefault()
    setLimit(50)
    navigate(`/customers${text.trim() ? `?q=${encodeURIComponent(text.trim())}` : ''}`)
  }

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('customers.title')}</h1>
        {!pii && <p className="badge-masked">{t('common.masked')}</p>}
      </header>
      <form className="search" aria-label={t('customers.search_label')} onSubmit={submit}>
        <label htmlFor="customer-search" className="visually-hidden">
          {t('customers.search_label')}
        </label>
        <input
          id="customer-search"
          type="search"
          value={text}
          placeholder={pii ? t('customers.search_placeholder') : t('customers.search_placeholder_viewer')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn btn-primary">
          {t('common.search')}
        </button>
      </form>
      <Card>
        {list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Loading>
            <Skeleton height={32} count={8} />
          </Loading>
        ) : list.data.items.length === 0 ? (
          <EmptyState title={q ? t('customers.empty', { q }) : t('customers.none')} />
        ) : (
          <>
            <div className="table-wrap">
              <table className="table" data-testid="customer-table">
                <thead>
                  <tr>
                    <th scope="col">{t('customers.col.id')}</th>
                    <th scope="col">{t('customers.col.name')}</th>
                    <th scope="col">{t('customers.col.email')}</th>
                    <th scope="col">{t('customers.col.phone')}</th>
                    <th scope="col">{t('customers.col.city')}</th>
                    <th scope="col" className="num">
                      {t('customers.col.signup')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((c) => (
                    <tr key={c.customer_id}>
                      <th scope="row">
                        <a
                          href={customerPath(c.customer_id)}
                          onClick={(e) => {
                            e.preventDefault()
                            navigate(customerPath(c.customer_id))
                          }}
                        >
                          {c.customer_id}
                        </a>
                      </th>
                      <td>{c.name ?? '—'}</td>
                      <td>{c.email ?? '—'}</td>
                      <td className="num-text">{c.phone ?? '—'}</td>
                      <td>{c.city ?? '—'}</td>
                      <td className="num">{formatDate(lang, c.signup_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {list.data.next !== null && (
              <div className="actions">
                <button
                  type="button"
                  className="btn"
                  onClick={() => setLimit((n) => Math.min(1000, n + 50))}
                  disabled={list.loading}
                >
                  {t('customers.more')}
                </button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  )
}
