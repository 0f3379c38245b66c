import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'

/** How to decode a file: the name to report, the decoder to use and how many BOM bytes to skip. */
export interface TextEncoding {
  /** Reported in `RecordSource.encoding`: 'utf-8', 'utf-8-bom', 'utf-16le', 'gb18030', 'gbk' … */
  readonly name: string
  /** The decoder's name ('utf-8', 'utf-16le', 'utf-16be', or an iconv-lite name). */
  readonly decoder: string
  readonly bomBytes: number
}

const UTF8_BOM = [0xef, 0xbb, 0xbf]

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => head[i] === b)
}

/** Length of the byte-order mark at the start, and the encoding it announces. */
function bomOf(head: Uint8Array): { bytes: number; decoder: string } | undefined {
  if (startsWith(head, UTF8_BOM)) return { bytes: 3, decoder: 'utf-8' }
  if (startsWith(head, [0xff, 0xfe])) return { bytes: 2, decoder: 'utf-16le' }
  if (startsWith(head, [0xfe, 0xff])) return { bytes: 2, decoder: 'utf-16be' }
  return undefined
}

/**
 * Drops a multi-byte UTF-8 sequence cut off at the end of a sample, so that a sample boundary inside a character
 * is not mistaken for invalid UTF-8.
 */
function withoutCutSequence(sample: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= sample.length; back++) {
    const b = sample[sample.length - back]!
    if ((b & 0xc0) === 0x80) continue // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
    return need > back ? sample.subarray(0, sample.length - back) : sample
  }
  return sample
}

/**
 * Detects the encoding from the first bytes of the content: a BOM, else valid UTF-8, else GB18030 (what Excel
 * writes on Chinese Windows). A UTF-8 BOM in front of bytes that are not UTF-8 is taken as GB18030 with a stray
 * BOM, which some export tools produce.
 *
 * @example
 * detectEncoding(Buffer.from('订单号', 'utf8'), true).name // 'utf-8'
 */
export function detectEncoding(head: Uint8Array, isWholeFile: boolean): TextEncoding {
  const bom = bomOf(head)
  if (bom && bom.decoder !== 'utf-8') return { name: bom.decoder, decoder: bom.decoder, bomBytes: bom.bytes }
  const skip = bom?.bytes ?? 0
  const body = head.subarray(skip)
  const sample = isWholeFile ? body : withoutCutSequence(body)
  if (isUtf8(sample)) return { name: skip ? 'utf-8-bom' : 'utf-8', decoder: 'utf-8', bomBytes: skip }
  return { name: 'gb18030', decoder: 'gb18030', bomBytes: skip }
}

/**
 * The encoding a user asked for, or undefined when iconv-lite does not know the name. A BOM of the same family is
 * still skipped so it never leaks into the first column name.
 *
 * @example
 * chosenEncoding('GBK', head)?.decoder // 'gbk'
 */
export function chosenEncoding(requested: string, head: Uint8Array): TextEncoding | undefined {
  const wanted = requested.trim().toLowerCase().replace(/_/g, '-')
  if (!iconv.encodingExists(wanted)) return undefined
  const bom = bomOf(head)
  const canonical = wanted.replace(/^utf8$/, 'utf-8').replace(/^utf16/, 'utf-16')
  if (canonical === 'utf-8' || canonical === 'utf-8-bom') {
    const skip = bom?.decoder === 'utf-8' ? 3 : 0
    return { name: skip ? 'utf-8-bom' : 'utf-8', decoder: 'utf-8', bomBytes: skip }
  }
  if (canonical === 'utf-16le' || canonical === 'utf-16be') {
    return { name: canonical, decoder: canonical, bomBytes: bom?.decoder === canonical ? 2 : 0 }
  }
  // A UTF-8 BOM before GBK text happens (see detectEncoding); it is never part of the data.
  return { name: canonical, decoder: canonical, bomBytes: bom?.decoder === 'utf-8' ? 3 : 0 }
}
