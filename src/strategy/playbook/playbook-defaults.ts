import type { Lang } from '../../i18n/locale.js'
import { INDUSTRY_PRESETS, type Industry } from './industry-presets.js'
import { LIFECYCLE_PLAYBOOKS } from './lifecycle-playbooks.js'
import { PLAYBOOK_INTENT, type PlaybookId, type PlaybookText } from './playbook-types.js'
import { RFM_PLAYBOOKS } from './rfm-playbooks.js'

/**
 * The shipped text of a playbook under an industry preset: the segment's own goal and cadence, with the
 * preset's actions, offer, channel and KPI for the segment's intent (retail keeps the segment's own).
 */
export function defaultPlaybook(id: PlaybookId, industry: Industry, lang: Lang): PlaybookText {
  const [kind, name] = splitId(id)
  const content = kind === 'rfm' ? RFM_PLAYBOOKS[name] : LIFECYCLE_PLAYBOOKS[name]
  if (!content) throw new Error(`no playbook ${id}`)
  const base = content[lang]
  const overlay = INDUSTRY_PRESETS[industry].overlay?.[PLAYBOOK_INTENT[id]!]?.[lang]
  return overlay ? { ...base, ...overlay } : base
}

/** `rfm:At Risk` → ['rfm', 'At Risk']. */
export function splitId(id: PlaybookId): ['rfm' | 'lifecycle', string] {
  const i = id.indexOf(':')
  const kind = id.slice(0, i)
  if (kind !== 'rfm' && kind !== 'lifecycle') throw new Error(`bad playbook id ${id}`)
  return [kind, id.slice(i + 1)]
}
