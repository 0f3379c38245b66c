import { createWriteStream } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import iconv from 'iconv-lite'
import type { RecordSource } from './read/types.js'

/**
 * Where rejected rows go by default: beside the input, `NAME.rejects.csv` for delimited text (`.tsv` for
 * tab-separated), `NAME.rejects.ndjson` for everything else.
 *
 * @example
 * defaultRejectsPath('/data/orders.csv.gz', 'csv') // '/data/orders.rejects.csv'
 */
export function defaultRejectsPath(file: string, format: string): string {
  const name = basename(file).replace(/(\.(gz|csv|tsv|txt|json|ndjson|jsonl|parquet|xlsx))+$/i, '')
  const ext = format === 'csv' ? 'csv' : format === 'tsv' ? 'tsv' : 'ndjson'
  return join(dirname(file), `${name}.rejects.${ext}`)
}

function encoderFor(encoding: string): { encode(text: string): Buffer; bom: Buffer } {
  const bom = encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0)
  const name = encoding === 'utf-8' || encoding === 'utf-8-bom' ? 'utf8' : encoding
  return { encode: (text) => iconv.encode(text, name), bom }
}

/**
 * Writes the rejected records exactly as they were in the file: delimited text keeps its header line and
 * its encoding (a GB18030 file gives a GB18030 rejects file); other formats give one JSON record per line.
 * Reads the file a second time, so nothing has to be held in memory while importing.
 *
 * @example
 * await writeRejects(source, new Set([3, 7]), 'orders.rejects.csv')
 */
export async function writeRejects(
  source: RecordSource,
  lines: ReadonlySet<number>,
  path: string,
): Promise<number> {
  const delimited = source.format === 'csv' || source.format === 'tsv'
  const { encode, bom } = delimited ? encoderFor(source.encoding) : encoderFor('utf-8')
  const out = createWriteStream(path)
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(chunk)) resolve()
      else out.once('drain', resolve).once('error', reject)
    })
  let written = 0
  try {
    if (bom.length) await write(bom)
    if (delimited && source.headerText !== undefined) await write(encode(`${source.headerText}\n`))
    for await (const record of source.records()) {
      if (!lines.has(record.line)) continue
      await write(encode(`${record.raw}\n`))
      written++
    }
  } finally {
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    )
  }
  return written
}
