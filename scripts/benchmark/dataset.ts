/**
 * The benchmark's fixtures. Documents: `docs` of them, spread over 1,000 projects, with Dates and
 * a few other fields; ids are deterministic so the client can pick existing ones without asking.
 */
export const TRIVIAL_FUNCTION = 'bench'
export const INDEXED = 'bench_indexed'
export const PLAIN = 'bench_plain'
export const PROJECTS = 1000
export const PROJECT_CREATED = {
  name: 'project_created',
  keys: { projectId: 1, createdAt: -1 },
} as const

const BASE_TIME = Date.parse('2026-01-01T00:00:00Z')

export function docId(i: number): string {
  return `d${i.toString(36).padStart(6, '0')}`
}

export function benchDocument(i: number): Record<string, unknown> {
  return {
    projectId: projectId(i % PROJECTS),
    createdAt: new Date(BASE_TIME + i * 60_000),
    title: `Item ${i}`,
    status: i % 3 === 0 ? 'open' : 'closed',
    author: `o${i % 5000}`,
    n: 0,
  }
}

export function projectId(p: number): string {
  return `p${p}`
}

/** A small deterministic generator (mulberry32): the same picks on every run. */
export function randomInts(seed: number): (below: number) => number {
  let state = seed >>> 0
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below)
  }
}
