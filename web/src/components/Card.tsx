import type { ReactNode } from 'react'

export function Card({
  title,
  hint,
  children,
  className,
  actions,
  id,
}: {
  title?: string
  hint?: string
  children: ReactNode
  className?: string
  actions?: ReactNode
  id?: string
}) {
  const headingId = id ? `${id}-title` : undefined
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={headingId} id={id}>
      {(title || actions) && (
        <header className="card-head">
          <div>
            {title && <h2 id={headingId}>{title}</h2>}
            {hint && <p className="card-hint">{hint}</p>}
          </div>
          {actions}
        </header>
      )}
      {children}
    </section>
  )
}
