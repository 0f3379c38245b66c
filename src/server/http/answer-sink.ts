import { EventEmitter } from 'node:events'
import { PassThrough } from 'node:stream'

/**
 * What a core writer (`write` + waiting for `drain`) streams an answer into. The writer runs inside the
 * store queue, so a client that goes away must not leave it waiting for a `drain` that never comes: once
 * the answer stream closes early, a pending wait fails and every later write throws, and the queue moves on.
 */
export function answerSink(): { body: PassThrough; sink: NodeJS.WritableStream; end(): void } {
  const body = new PassThrough()
  const events = new EventEmitter()
  let ended = false
  let gone = false
  body.on('drain', () => events.emit('drain'))
  body.on('close', () => {
    if (ended) return
    gone = true
    if (events.listenerCount('error') > 0) events.emit('error', new Error('client closed the answer'))
  })
  const sink = Object.assign(events, {
    write(chunk: string): boolean {
      if (gone) throw new Error('client closed the answer')
      return body.write(chunk)
    },
  })
  return {
    body,
    sink: sink as unknown as NodeJS.WritableStream,
    end() {
      ended = true
      body.end()
    },
  }
}
