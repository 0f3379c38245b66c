/**
 * Runs async work one piece at a time. The embedded store has one connection per process and a transaction
 * on it is shared by every caller, so the server passes all store work through one queue.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve()
  private waiting = 0

  run<T>(work: () => Promise<T>): Promise<T> {
    this.waiting++
    const next = this.tail.then(work, work).finally(() => {
      this.waiting--
    })
    // The queue continues whatever the outcome of this piece.
    this.tail = next.catch(() => undefined)
    return next
  }

  /** Pieces queued or running. */
  get depth(): number {
    return this.waiting
  }
}
