import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { pipeline } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { readFailure } from './read-error.js'

/** Big reads: the per-chunk overhead (decode, parser entry, promise hop) dominates with the default 64 KB. */
const CHUNK_BYTES = 1 << 20

/** The first `n` bytes of a file as stored (no decompression), for magic numbers. */
export async function fileHead(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buf = Buffer.alloc(n)
    const { bytesRead } = await handle.read(buf, 0, n, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** gzip's magic number (RFC 1952). */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b
}

/**
 * The bytes of a file, decompressed when `gzip`. `onProgress` gets the bytes read from disk so far, so progress is
 * comparable to the file size even for compressed files.
 *
 * @example
 * for await (const chunk of fileBytes('orders.csv.gz', true)) total += chunk.length
 */
export async function* fileBytes(
  path: string,
  gzip: boolean,
  onProgress?: (bytesRead: number) => void,
): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES })
  let consumed = 0
  file.on('data', (chunk) => {
    consumed += chunk.length
  })
  const stream = gzip ? pipeline(file, createGunzip({ chunkSize: CHUNK_BYTES }), () => {}) : file
  try {
    for await (const chunk of stream) {
      yield chunk as Buffer
      onProgress?.(consumed)
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw readFailure(gzip ? 'gzip_corrupt' : 'unreadable', { file: path }, { reason })
  } finally {
    file.destroy()
    if (stream !== file) stream.destroy()
  }
}

/** Up to `n` leading bytes of the (decompressed) content, for encoding and format sniffing. */
export async function contentHead(path: string, gzip: boolean, n: number): Promise<Buffer> {
  const parts: Buffer[] = []
  let have = 0
  for await (const chunk of fileBytes(path, gzip)) {
    parts.push(chunk)
    have += chunk.length
    if (have >= n) break
  }
  const all = Buffer.concat(parts)
  return all.subarray(0, Math.min(n, all.length))
}
