/**
 * Text as a regular expression that matches exactly it.
 *
 * @example
 * new RegExp(escapeRegExp('US$')).test('US$ 5') // true
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
