import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/**
 * SHA-256 of a file's bytes as stored (compressed files hashed compressed), kept in `imports.file_sha256`
 * so a person can tell whether two imports read the same file.
 *
 * @example
 * await fileDigest('orders.csv') // 'e3b0c442…'
 */
export async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
