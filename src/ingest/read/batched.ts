/**
 * Serves the items of batches one by one. Readers produce a batch per decoded chunk; handing records out through a
 * plain iterator instead of an async generator per record roughly halves the per-record overhead.
 *
 * @example
 * for await (const r of unbatch(batchesOfRecords())) …
 */
export function unbatch<T>(batches: AsyncIterable<readonly T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = batches[Symbol.asyncIterator]()
      let batch: readonly T[] = []
      let i = 0
      return {
        next(): Promise<IteratorResult<T>> {
          if (i < batch.length) return Promise.resolve({ done: false, value: batch[i++]! })
          return (async (): Promise<IteratorResult<T>> => {
            while (i >= batch.length) {
              const r = await source.next()
              if (r.done) return { done: true, value: undefined }
              batch = r.value
              i = 0
            }
            return { done: false, value: batch[i++]! }
          })()
        },
        async return(): Promise<IteratorResult<T>> {
          await source.return?.()
          return { done: true, value: undefined }
        },
      }
    },
  }
}
