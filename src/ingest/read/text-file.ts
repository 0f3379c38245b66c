import type { TextEncoding } from './detect-encoding.js'

/** A text file ready to stream: where it is, whether it is gzipped, how to decode it and its size on disk. */
export interface TextFile {
  readonly path: string
  readonly gzip: boolean
  readonly encoding: TextEncoding
  readonly sizeBytes: number
}
