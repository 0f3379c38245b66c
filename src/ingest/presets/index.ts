import { genericPreset } from './generic.js'
import { lineItemsPreset } from './line-items.js'
import type { Preset } from './preset.js'
import { shopifyPreset } from './shopify.js'
import { stripePreset } from './stripe.js'
import { woocommercePreset } from './woocommerce.js'

export type { OrderDraft, Preset } from './preset.js'
export { settleByNet } from './preset.js'

/** Every preset by name (`--preset`). */
export const PRESETS: Readonly<Record<string, Preset>> = {
  generic: genericPreset,
  'line-items': lineItemsPreset,
  shopify: shopifyPreset,
  woocommerce: woocommercePreset,
  stripe: stripePreset,
}

export const PRESET_NAMES = Object.keys(PRESETS)

/** The preset with this name, or undefined. */
export function maybePreset(name: string): Preset | undefined {
  return Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined
}
