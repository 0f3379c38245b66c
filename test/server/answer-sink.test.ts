import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { answerSink } from '../../src/server/http/answer-sink.js'

describe('answerSink (streamed answers written from inside the store queue)', () => {
  it('passes writes through and ends the answer', async () => {
    const a = answerSink()
    const chunks: string[] = []
    a.body.on('data', (c: Buffer) => chunks.push(c.toString()))
    a.sink.write('a,b\n')
    a.sink.write('1,2\n')
    a.end()
    await once(a.body, 'end')
    expect(chunks.join('')).toBe('a,b\n1,2\n')
  })

  it('a client that leaves fails a writer waiting for drain, and later writes throw (the queue is freed)', async () => {
    const a = answerSink()
    // Nobody reads: the buffer fills and the writer waits for `drain`.
    let full = false
    for (let i = 0; i < 10_000 && !full; i++) full = !a.sink.write('x'.repeat(1024))
    expect(full).toBe(true)
    const waiting = once(a.sink as unknown as import('node:events').EventEmitter, 'drain')
    a.body.destroy()
    await expect(waiting).rejects.toThrow(/client closed/)
    expect(() => a.sink.write('more')).toThrow(/client closed/)
  })
})
