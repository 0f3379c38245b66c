import type { SegmentCompiler } from './segment-refresh.js'

// The segment language lives in src/segments/language (another subsystem, merged separately). Loaded by
// name at start-up so this server builds and runs before it lands; without it, saved segments are not
// re-evaluated live (their scheduled refresh still runs) and /api/live/status says so.
const LANGUAGE_MODULE = '../../segments/language/index.js'

export async function loadSegmentCompiler(): Promise<SegmentCompiler | null> {
  try {
    const mod = (await import(LANGUAGE_MODULE)) as { compileSegment?: SegmentCompiler }
    return mod.compileSegment ?? null
  } catch {
    return null
  }
}
