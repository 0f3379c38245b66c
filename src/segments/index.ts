// The segments service: saved dynamic and static segments over the segment language, materialised with
// history. Other subsystems import from here (never from the files directly).

export { type CompiledDefinition, compileDefinition } from './definition.js'
export { type Dependent, dependencyOrder } from './dependency-order.js'
export { diffSegmentEdit, type EditDiff } from './edit-diff.js'
export { materializeQuery, type SizeRecord } from './materialize.js'
export { exportSegment, type MemberFormat, writeMembers } from './member-export.js'
export {
  currentMemberIds,
  MEMBER_COLUMNS,
  type MemberFilter,
  membersQuery,
  streamMembers,
} from './members.js'
export { type OverlapMatrix, segmentOverlap } from './overlap.js'
export { countSegment, previewSegment, type SegmentCount, type SegmentPreview } from './preview.js'
export { latestContext, type SegmentContext } from './query-context.js'
export { refreshAllSegments, refreshSegments } from './refresh.js'
export {
  deleteSegment,
  findSegment,
  getSegment,
  listSegments,
  type SegmentInfo,
  type SegmentKind,
} from './segment-catalog.js'
export {
  createSegment,
  createSegmentFromQuery,
  createStaticSegment,
  freezeSegment,
  type NewDynamicSegment,
  updateSegment,
  type WriteOptions,
} from './segment-service.js'
export { type SizePoint, segmentSizes } from './size-history.js'
export { resolveIdList, type UploadResolution } from './static-upload.js'
export { findTemplate, type SegmentTemplate, segmentTemplates } from './templates.js'
