import {
  closeSync,
  constants,
  existsSync,
  fdatasync,
  fdatasyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  write,
} from 'node:fs'
import { dirname } from 'node:path'
import { promisify } from 'node:util'

const writeAsync = promisify(write)
const fdatasyncAsync = promisify(fdatasync)

/** One acknowledged request as the journal keeps it. */
export interface JournalEntry<T = unknown> {
  readonly seq: number
  readonly data: T
}

/**
 * The write-ahead journal of live ingestion: an append-only NDJSON file. `append` resolves only after the
 * line is on disk (fdatasync), so an acknowledged request survives kill -9 and power loss. Appends that
 * arrive while a sync is in flight are written and synced together (group commit): one fsync serves many
 * requests, which is what makes thousands of acknowledged requests per second possible on one disk.
 */
export class Journal<T> {
  private fd: number
  private readonly dsync: boolean
  private nextSeq: number
  private queue: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = []
  private flushing: Promise<void> | null = null

  private constructor(
    readonly path: string,
    lastSeq: number,
  ) {
    // With O_DSYNC every write returns only once its data is on disk: a group costs one trip to the thread
    // pool (write) instead of two (write, then fdatasync). Platforms without it sync separately.
    this.dsync = constants.O_DSYNC !== undefined
    const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT
    this.fd = openSync(path, this.dsync ? flags | constants.O_DSYNC : flags, 0o600)
    this.nextSeq = lastSeq + 1
  }

  /**
   * Opens (creating) the journal and returns the entries already in it. A torn last line (a crash in the
   * middle of a write, before its sync completed — so never acknowledged) is dropped.
   */
  static open<T>(path: string): { journal: Journal<T>; entries: JournalEntry<T>[] } {
    const entries: JournalEntry<T>[] = []
    mkdirSync(dirname(path), { recursive: true })
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8')
      const complete = text.slice(0, text.lastIndexOf('\n') + 1)
      for (const line of complete.split('\n')) {
        if (!line) continue
        try {
          entries.push(JSON.parse(line) as JournalEntry<T>)
        } catch {
          // A line garbled by a crash mid-write was never acknowledged: skip it.
        }
      }
      if (complete.length !== text.length) {
        const fd = openSync(path, 'r+')
        ftruncateSync(fd, Buffer.byteLength(complete))
        fdatasyncSync(fd)
        closeSync(fd)
      }
    }
    const last = entries.reduce((m, e) => Math.max(m, e.seq), 0)
    return { journal: new Journal<T>(path, last), entries }
  }

  /** Appends one entry; resolves with its sequence number once it is durable. */
  append(data: T): Promise<number> {
    const seq = this.nextSeq++
    const line = `${JSON.stringify({ seq, data })}\n`
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ line, resolve: () => resolve(seq), reject })
      this.flushing ??= this.flushLoop()
    })
  }

  /** The highest sequence number handed out. */
  get lastSeq(): number {
    return this.nextSeq - 1
  }

  private async flushLoop(): Promise<void> {
    // Let the requests of this tick join the group before writing.
    await new Promise((r) => setImmediate(r))
    while (this.queue.length) {
      const group = this.queue
      this.queue = []
      try {
        // Asynchronous write and sync (thread pool): while one group is being synced the event loop keeps
        // taking requests, which form the next group.
        const buffer = Buffer.from(group.map((g) => g.line).join(''))
        let written = 0
        while (written < buffer.length) written += (await writeAsync(this.fd, buffer, written)).bytesWritten
        if (!this.dsync) await fdatasyncAsync(this.fd)
        for (const g of group) g.resolve()
      } catch (error) {
        for (const g of group) g.reject(error)
      }
    }
    this.flushing = null
  }

  /** Empties the file once everything in it is applied to the store (nothing pending may be lost). */
  async truncateIfApplied(appliedSeq: number): Promise<boolean> {
    if (this.flushing) await this.flushing
    if (this.queue.length || appliedSeq < this.lastSeq) return false
    ftruncateSync(this.fd, 0)
    fdatasyncSync(this.fd)
    return true
  }

  async close(): Promise<void> {
    if (this.flushing) await this.flushing
    closeSync(this.fd)
  }
}
