// Strategy (制定策略): playbooks per segment and lifecycle stage with industry presets, cross-sell
// recommendations from association rules, and consent-honouring audience exports. Other subsystems and the
// CLI import from here.
export {
  ADS_COLUMNS,
  AUDIENCE_COLUMNS,
  AUDIENCE_FORMATS,
  type AudienceExportOptions,
  type AudienceExportResult,
  type AudienceFormat,
  checkColumns,
  DEFAULT_AUDIENCE_COLUMNS,
  exportAudience,
} from './audience/audience-export.js'
export { type ExportRecord, listExports, recordExport } from './audience/export-history.js'
export {
  hashedEmail,
  hashedPhone,
  type IdentifierOptions,
  normaliseEmailForAds,
  normalisePhoneForAds,
  sha256Hex,
} from './audience/identifiers.js'
export { resolveSelection, type Selection, type SelectionRequest } from './audience/selection.js'
export {
  type CommunityInvitation,
  communityInvitations,
  type InvitationOptions,
} from './playbook/community-invitations.js'
export {
  INDUSTRIES,
  INDUSTRY_PRESETS,
  type Industry,
  type IndustryPreset,
  isIndustry,
  type ValueMeasure,
} from './playbook/industry-presets.js'
export { type ChoiceRule, choosePlaybook, type NextAction, nextActionFor } from './playbook/next-action.js'
export { defaultPlaybook } from './playbook/playbook-defaults.js'
export {
  checkPlaybookEdit,
  MAX_ACTIONS,
  MAX_FIELD_LENGTH,
  type PlaybookEdit,
} from './playbook/playbook-edit.js'
export {
  editPlaybook,
  getPlaybook,
  listPlaybooks,
  type Playbook,
  parseIndustry,
  resetPlaybook,
  resolvePlaybookId,
  setStoreIndustry,
  storeIndustry,
} from './playbook/playbook-store.js'
export {
  allPlaybookIds,
  INTENTS,
  type Intent,
  PLAYBOOK_FIELDS,
  PLAYBOOK_INTENT,
  type PlaybookField,
  type PlaybookId,
  type PlaybookText,
} from './playbook/playbook-types.js'
export { presetValueTiers, valueMeasureExpr } from './playbook/value-measure.js'
export { type Basis, type BasketScope, basketItemsQuery } from './recommend/baskets.js'
export { type BoughtTogether, boughtTogether, type TogetherRow } from './recommend/bought-together.js'
export { countItemsets, type ItemsetCounts, itemsetKey } from './recommend/itemsets.js'
export {
  DEFAULT_NEXT_BEST,
  type NextBest,
  type NextBestOptions,
  type NextBestProduct,
  nextBestProducts,
} from './recommend/next-best.js'
export { type ProductInfo, productInfo, resolveItem } from './recommend/product-catalog.js'
export {
  type AssociationRule,
  compareRules,
  defaultRuleOptions,
  loadRules,
  mineRules,
  type RuleOptions,
  rulesFromCounts,
  saveRules,
} from './recommend/rules.js'
export { type SegmentCrossSell, type SegmentRule, segmentCrossSell } from './recommend/segment-cross-sell.js'
