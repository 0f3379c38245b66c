import { useMemo, useRef } from 'react'
import type { FieldDoc } from '../api/types.js'
import { useI18n } from '../i18n/I18n.js'
import { ROW_OPS, type Row, type RowOp, type Rows, rowsToText, textToRows } from '../lib/segment-visual.js'

/**
 * Conditions as rows (field, operator, value), in sync with the definition text both ways: the text is
 * parsed into rows, an edited row is printed back into the text by the language's printer.
 */
export function VisualEditor({
  definition,
  onChange,
  fields,
}: {
  definition: string
  onChange: (text: string) => void
  fields: readonly FieldDoc[]
}) {
  const { t } = useI18n()
  const parsed = useMemo(() => textToRows(definition), [definition])
  // While the text does not parse, keep showing the last rows that did (read-only).
  const last = useRef<Rows>({ mode: 'and', rows: [] })
  if (parsed) last.current = parsed
  const rows = parsed ?? last.current
  const paused = parsed === null
  const byName = useMemo(() => new Map(fields.map((f) => [f.name, f])), [fields])

  const edit = (next: Rows) => onChange(rowsToText(next))
  const setRow = (i: number, row: Row) =>
    edit({ ...rows, rows: rows.rows.map((r, j) => (j === i ? row : r)) })
  const remove = (i: number) => edit({ ...rows, rows: rows.rows.filter((_, j) => j !== i) })
  const add = () => {
    const field = fields.find((f) => f.name === 'rfm_segment')?.name ?? fields[0]?.name ?? 'frequency'
    edit({ ...rows, rows: [...rows.rows, { kind: 'condition', field, op: '=', value: '' }] })
  }

  return (
    <fieldset className="visual" disabled={paused} data-testid="visual-editor">
      <legend className="visually-hidden">{t('builder.visual')}</legend>
      <div className="visual-head">
        <label>
          {t('builder.match')}{' '}
          <select value={rows.mode} onChange={(e) => edit({ ...rows, mode: e.target.value as 'and' | 'or' })}>
            <option value="and">{t('builder.match_all')}</option>
            <option value="or">{t('builder.match_any')}</option>
          </select>
        </label>
        {paused && <span className="small muted">{t('builder.visual_paused')}</span>}
      </div>
      <ol className="visual-rows">
        {rows.rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the definition
          <li key={i} className="visual-row">
            {r.kind === 'condition' ? (
              <>
                <select
                  aria-label={t('builder.field')}
                  value={r.field}
                  onChange={(e) => setRow(i, { ...r, field: e.target.value })}
                >
                  {!byName.has(r.field) && <option value={r.field}>{r.field}</option>}
                  {fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.name}
                    </option>
                  ))}
                </select>
                <select
                  aria-label={t('builder.operator')}
                  value={r.op}
                  onChange={(e) => setRow(i, { ...r, op: e.target.value as RowOp })}
                >
                  {ROW_OPS.map((op) => (
                    <option key={op} value={op}>
                      {op}
                    </option>
                  ))}
                </select>
                <input
                  aria-label={t('builder.value')}
                  list={byName.get(r.field)?.values ? `values-${r.field}` : undefined}
                  defaultValue={r.value}
                  key={`${r.field}|${r.value}`}
                  onBlur={(e) => e.target.value !== r.value && setRow(i, { ...r, value: e.target.value })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault()
                      setRow(i, { ...r, value: e.currentTarget.value })
                    }
                  }}
                />
                {byName.get(r.field)?.values && (
                  <datalist id={`values-${r.field}`}>
                    {byName.get(r.field)!.values!.map((v) => (
                      <option key={v} value={v} />
                    ))}
                  </datalist>
                )}
              </>
            ) : (
              <input
                className="code visual-text"
                aria-label={t('builder.condition')}
                defaultValue={r.text}
                key={r.text}
                onBlur={(e) => e.target.value !== r.text && setRow(i, { kind: 'text', text: e.target.value })}
              />
            )}
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => remove(i)}
              aria-label={t('builder.remove')}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" onClick={add}>
        + {t('builder.add_condition')}
      </button>
    </fieldset>
  )
}
