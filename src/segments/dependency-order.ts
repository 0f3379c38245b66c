/** What ordering needs to know of a segment: its id, its name, and the segments it reads (ids or names). */
export interface Dependent {
  readonly id: string
  readonly name: string
  readonly references: readonly string[]
}

/**
 * Items in an order where each one comes after the items its `in_segment(…)` reads (so it sees their fresh
 * members); references outside the list are already settled; a cycle keeps the rest in the given order.
 *
 * @example
 * dependencyOrder(compiled, (c) => ({ id: c.id, name: c.name, references: c.references }))
 */
export function dependencyOrder<T>(items: readonly T[], of: (item: T) => Dependent): T[] {
  const done = new Set<string>()
  const pending = [...items]
  const ordered: T[] = []
  const inBatch = (ref: string) => pending.some((p) => of(p).id === ref || of(p).name === ref)
  while (pending.length) {
    const i = pending.findIndex((p) => of(p).references.every((r) => done.has(r) || !inBatch(r)))
    const [next] = pending.splice(Math.max(i, 0), 1)
    ordered.push(next!)
    done.add(of(next!).id).add(of(next!).name)
  }
  return ordered
}
