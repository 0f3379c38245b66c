// The dashboard's restrained palette: one blue ramp for quantities, neutrals for text and grid lines.

export const INK = '#1f2430'
export const MUTED = '#5f6878'
export const GRID = '#e6e9ef'
export const ACCENT = '#2f5bd3'
/** Categorical colours for a few series (lines, funnel steps): distinct, calm, colour-blind aware. */
export const SERIES = ['#2f5bd3', '#1f9d8a', '#d9822b', '#8a63d2', '#c2415a', '#6b7a90']

const LIGHT: [number, number, number] = [0xe3, 0xeb, 0xfc]
const DARK: [number, number, number] = [0x1b, 0x3a, 0x8f]

/** A colour on the blue ramp for t in 0..1 (clamped): light for little, dark for much. */
export function ramp(t: number): string {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0
  const c = LIGHT.map((l, i) => Math.round(l + (DARK[i]! - l) * x))
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`
}

/** Text colour readable on `background` (#rrggbb): white on dark, ink on light (WCAG relative luminance). */
export function textOn(background: string): string {
  const hex = background.replace('#', '')
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  // Contrast against white vs against ink (#1f2430, luminance ≈ 0.018): pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.068 ? '#ffffff' : INK
}
