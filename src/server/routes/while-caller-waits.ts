import type { IncomingMessage } from 'node:http'
import type { Connection } from '../../sql/driver.js'

/**
 * Runs store work for a caller who may hang up (a segment builder aborts the preview of text that has since
 * changed): skipped when the caller is already gone by the time the store queue reaches it, and the engine's
 * running statement interrupted when the caller leaves during it — so a stale preview never holds up the
 * current one. Answers null when the caller left (nobody reads the answer).
 *
 * Only the statement of this work can be running when the interrupt lands: the store queue starts the next
 * work after this one's promise settles, on this same thread.
 *
 * @example
 * const out = await ctx.db((conn) => whileCallerWaits(req.raw, conn, () => previewSegment(conn, text, o)))
 */
export async function whileCallerWaits<T>(
  req: IncomingMessage,
  conn: Connection,
  work: () => Promise<T>,
): Promise<T | null> {
  const socket = req.socket
  if (!socket || socket.destroyed) return socket ? null : work()
  let gone = false
  const hangUp = () => {
    gone = true
    conn.interrupt?.()
  }
  socket.once('close', hangUp)
  try {
    return await work()
  } catch (error) {
    if (gone) return null
    throw error
  } finally {
    socket.off('close', hangUp)
  }
}
