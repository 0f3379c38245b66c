import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { renderDiagnostic } from '../../src/core/diagnostics.js'
import '../../src/i18n/messages/ingest-read.js'
import { missingTranslations, t } from '../../src/i18n/translate.js'

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src/ingest')

/** Every `ingest.read.*` / `ingest.parse.*` code the reader and parser sources can produce. */
function emittedCodes(): string[] {
  const codes = new Set<string>()
  for (const folder of ['read', 'parse']) {
    for (const name of readdirSync(join(SRC, folder)).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(SRC, folder, name), 'utf8')
      for (const m of text.matchAll(/(?:readDiagnostic|readFailure|malformed)\('([a-z_]+)'/g))
        codes.add(`ingest.read.${m[1]}`)
      for (const m of text.matchAll(/rejected(?:<[^>]*>)?\('([a-z_]+)'/g)) codes.add(`ingest.parse.${m[1]}`)
      for (const m of text.matchAll(/`\$\{kind\}_([a-z_]+)`/g)) {
        for (const kind of ['amount', 'quantity', 'integer']) codes.add(`ingest.parse.${kind}_${m[1]}`)
      }
    }
  }
  codes.add('ingest.read.json_malformed') // the scanner's default
  codes.add('ingest.read.gzip_corrupt')
  codes.delete('ingest.parse.integer_too_many_decimals') // reported as integer_invalid
  return [...codes].sort()
}

describe('ingest-read messages', () => {
  it('has every code the readers and parsers emit, in en, zh-CN and zh-TW', () => {
    const codes = emittedCodes()
    expect(codes.length).toBeGreaterThan(35)
    for (const code of codes) {
      for (const lang of ['en', 'zh-CN', 'zh-TW'] as const)
        expect(t(lang, code), `${lang} ${code}`).not.toBe(code)
    }
    expect(
      missingTranslations().filter(
        (m) => m.key.startsWith('ingest.read.') || m.key.startsWith('ingest.parse.'),
      ),
    ).toEqual([])
  })

  it('writes Traditional Chinese for zh-TW, not a copy of zh-CN', () => {
    for (const code of emittedCodes()) {
      expect(t('zh-TW', code), code).not.toBe(t('zh-CN', code))
    }
  })

  it('renders a diagnostic with its place and the fix', () => {
    const d = { code: 'ingest.read.csv_unterminated_quote', at: { file: 'orders.csv', line: 7 } }
    expect(renderDiagnostic(d, 'en')).toBe(
      'orders.csv:7: a quoted field starting at line 7 is never closed, so the rest of the file cannot be read. Add the missing closing quote (") or double the quotes inside the field ("").',
    )
    expect(
      renderDiagnostic({ code: 'ingest.parse.date_ambiguous', params: { text: '3/5/2024' } }, 'zh-CN'),
    ).toContain('--date-format MDY')
  })
})
