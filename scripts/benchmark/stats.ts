/** Sequential timing: one call at a time, each timed; ops/s = calls / total time of the calls. */
export interface Summary {
  iterations: number
  opsPerSec: number
  p50: number
  p95: number
  p99: number
}

export async function timeSequential(
  iterations: number,
  warmup: number,
  op: (i: number) => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await op(i)
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const started = performance.now()
    await op(warmup + i)
    samples.push(performance.now() - started)
  }
  return samples
}

export interface Contender {
  /** Called before each of its slices, e.g. to point the SDK at its server. */
  enter?: () => void
  op: (i: number) => Promise<unknown>
}

/** Calls before each slice after the first: the switch between contenders is not measured. */
const RESUME_WARMUP = 3

/**
 * Times contenders in turn, in `rounds` slices each, so that a neighbour's load on the machine
 * falls on all of them alike. Answers the samples of each contender.
 */
export async function timeInterleaved(
  contenders: Contender[],
  iterations: number,
  warmup: number,
  rounds: number,
): Promise<number[][]> {
  const samples = contenders.map((): number[] => [])
  const slices = Math.max(1, Math.min(rounds, iterations))
  for (let round = 0; round < slices; round++) {
    const slice =
      Math.floor((iterations * (round + 1)) / slices) - Math.floor((iterations * round) / slices)
    for (const [c, contender] of contenders.entries()) {
      contender.enter?.()
      const timed = await timeSequential(slice, round === 0 ? warmup : RESUME_WARMUP, contender.op)
      samples[c]!.push(...timed)
    }
  }
  return samples
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    iterations: samples.length,
    opsPerSec: samples.length / (samples.reduce((a, b) => a + b, 0) / 1000),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  }
}

/** Nearest rank on sorted samples. */
function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

/**
 * The sample at rank floor(q·n) of sorted samples, the last for q = 1: the rule the feature
 * benchmarks have always printed (not `summarize`'s nearest rank).
 */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

/** `p50 … ms  p95 … ms  min … ms  max … ms` of samples, to 0.1 ms. */
export function formatPercentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => quantile(sorted, q).toFixed(1)
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  min ${sorted[0]!.toFixed(1)} ms  max ${sorted[sorted.length - 1]!.toFixed(1)} ms`
}
