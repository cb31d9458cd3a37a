/**
 * The order of arrival the allocation must follow, read from the store: a signup's arrival is the
 * first entry of its project's arrival log that names its ticket (cloudfunctions/volunteers/lib/
 * arrivals.ts). Asserts that the decided signups got their orders in exactly that order.
 */
import type { VolunteersCloud } from './volunteersCloud'

type Doc = Record<string, unknown>
interface Entry {
  signupId: string
  ticket: string
}

export function arrivalLog(c: VolunteersCloud, projectId: string): Entry[] {
  const log = c.cloud.store.getById('volunteerArrivals', projectId)
  return (log?.['entries'] ?? []) as Entry[]
}

/** Pairs (a, b) with a arriving before b but ordered after it. */
export function inversions(orders: number[]): number {
  let count = 0
  for (let i = 0; i < orders.length; i++)
    for (let j = i + 1; j < orders.length; j++) if (orders[i]! > orders[j]!) count++
  return count
}

/**
 * The project's decided signups in order of arrival, after asserting that none is left queued,
 * that every entry of the log whose signup still bears its ticket was decided at that entry, and
 * that the orders follow the arrivals with no inversion. (Gapless only where no signup was
 * written again over a cancelled one, whose order it then forgets.)
 */
export function expectArrivalOrder(c: VolunteersCloud, projectId: string): Doc[] {
  const log = arrivalLog(c, projectId)
  const docs = c.cloud.store.find('volunteerSignups', { filter: { projectId }, sort: [['_id', 1]] })
  expect(docs.filter((d) => d['status'] === 'queued')).toEqual([])
  const byId = new Map(docs.map((d) => [String(d['_id']), d]))
  const arrived: Doc[] = []
  log.forEach((entry, position) => {
    const signup = byId.get(entry.signupId)
    if (signup?.['ticket'] !== entry.ticket || arrived.includes(signup)) return
    // Taken back or refused, a signup again goes back to cancelled without a place.
    if (signup['order'] === -1) {
      expect(signup['status']).toBe('cancelled')
      return
    }
    expect(signup['arrival']).toBe(position)
    arrived.push(signup)
  })
  const decided = docs.filter((d) => Number(d['order']) >= 0)
  expect(arrived).toHaveLength(decided.length)
  const orders = arrived.map((d) => Number(d['order']))
  expect(inversions(orders)).toBe(0)
  expect(new Set(orders).size).toBe(orders.length)
  return arrived
}
