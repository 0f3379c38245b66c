/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** A table; `numeric[i]` right-aligns column i. Cells are escaped unless wrapped with `trusted`. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly (string | Trusted)[])[],
  numeric: readonly boolean[] = [],
): string {
  const cell = (tag: string, v: string | Trusted, i: number) =>
    `<${tag}${numeric[i] ? ' class="num"' : ''}>${v instanceof Trusted ? v.html : esc(v)}</${tag}>`
  return `<table><thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`)
    .join('')}</tbody></table>`
}

/** HTML the program built itself (never user text), passed through unescaped. */
export class Trusted {
  constructor(readonly html: string) {}
}
export const trusted = (html: string) => new Trusted(html)
