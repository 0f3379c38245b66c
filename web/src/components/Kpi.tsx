import type { Delta } from '../i18n/format.js'

export function Kpi({
  label,
  value,
  hint,
  delta,
  deltaText,
  testId,
}: {
  label: string
  value: string
  hint: string
  delta: Delta | null
  deltaText: string
  testId: string
}) {
  const dir = delta?.direction ?? 'flat'
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value num" data-testid={`${testId}-value`}>
        {value}
      </div>
      <div className="kpi-foot">
        {delta ? (
          <span className={`delta delta-${dir}`}>
            <span aria-hidden="true">{dir === 'up' ? '▲' : dir === 'down' ? '▼' : '■'}</span> {deltaText}
          </span>
        ) : null}
      </div>
      <div className="kpi-hint">{hint}</div>
    </div>
  )
}
