/** Times SDK operations on several servers, each operation interleaved across the servers. */
import { operations, type OperationName } from './operations'
import { pointSdkAt, type BenchDatabase } from './sdkClient'
import { summarize, timeInterleaved, type Summary } from './stats'

export interface SdkTarget {
  url: string
  names: OperationName[]
}

export interface Plan {
  iterations: (name: OperationName) => number
  warmup: (name: OperationName) => number
  rounds: number
}

export async function measureSdk(
  db: BenchDatabase,
  docs: number,
  targets: SdkTarget[],
  plan: Plan,
): Promise<Array<Partial<Record<OperationName, Summary>>>> {
  const runs = targets.map(() => operations(db, docs))
  const results = targets.map((): Partial<Record<OperationName, Summary>> => ({}))
  for (const name of [...new Set(targets.flatMap((target) => target.names))]) {
    const running = [...targets.keys()].filter((t) => targets[t]!.names.includes(name))
    const samples = await timeInterleaved(
      running.map((t) => ({ enter: () => pointSdkAt(targets[t]!.url), op: runs[t]![name] })),
      plan.iterations(name),
      plan.warmup(name),
      running.length > 1 ? plan.rounds : 1,
    )
    running.forEach((t, i) => (results[t]![name] = summarize(samples[i]!)))
  }
  return results
}
