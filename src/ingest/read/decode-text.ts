import iconv from 'iconv-lite'
import { fileBytes } from './byte-stream.js'
import type { TextEncoding } from './detect-encoding.js'
import { readFailure } from './read-error.js'

interface ChunkDecoder {
  /** Decoded text of the chunk; throws when the bytes are not valid in the encoding. */
  write(bytes: Buffer): string
  end(): string
}

/** Native decoders for UTF-8/16 (fast); iconv-lite for the rest, where U+FFFD marks bytes it could not map. */
function chunkDecoder(decoder: string): ChunkDecoder {
  if (decoder === 'utf-8' || decoder === 'utf-16le' || decoder === 'utf-16be') {
    const native = new TextDecoder(decoder, { fatal: true, ignoreBOM: true })
    return { write: (b) => native.decode(b, { stream: true }), end: () => native.decode() }
  }
  const lenient = iconv.getDecoder(decoder)
  const checked = (text: string): string => {
    if (text.includes('\uFFFD')) throw new Error('unmappable bytes')
    return text
  }
  return { write: (b) => checked(lenient.write(b)), end: () => checked(lenient.end() ?? '') }
}

function countNewlines(text: string, end = text.length): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++
  return n
}

/**
 * The text of a file, chunk by chunk, decoded in `encoding` with its BOM removed. Bytes that are invalid in the
 * encoding stop the stream with `ingest.read.cannot_decode` at the (approximate) line where they are.
 *
 * @example
 * for await (const text of fileText('a.csv', false, { name: 'utf-8', decoder: 'utf-8', bomBytes: 0 })) …
 */
export async function* fileText(
  path: string,
  gzip: boolean,
  encoding: TextEncoding,
  onProgress?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  const decoder = chunkDecoder(encoding.decoder)
  let skip = encoding.bomBytes
  let linesBefore = 0
  const fail = (bytes: Buffer) => {
    const lenient = iconv.decode(bytes, encoding.decoder === 'utf-8' ? 'utf8' : encoding.decoder)
    const bad = lenient.indexOf('\uFFFD')
    const line = linesBefore + countNewlines(lenient, bad === -1 ? lenient.length : bad) + 1
    return readFailure('cannot_decode', { file: path, line }, { encoding: encoding.name })
  }
  for await (let bytes of fileBytes(path, gzip, onProgress)) {
    if (skip > 0) {
      const drop = Math.min(skip, bytes.length)
      bytes = bytes.subarray(drop)
      skip -= drop
    }
    let text: string
    try {
      text = decoder.write(bytes)
    } catch {
      throw fail(bytes)
    }
    if (text.length === 0) continue
    linesBefore += countNewlines(text)
    yield text
  }
  let tail: string
  try {
    tail = decoder.end()
  } catch {
    throw readFailure('cannot_decode', { file: path, line: linesBefore + 1 }, { encoding: encoding.name })
  }
  if (tail) yield tail
}
