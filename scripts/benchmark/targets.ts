/** The targets of the local cloud's speed, judged on the on-disk figures (PASS or MISS). */
import { DESCRIPTIONS, type OperationName } from './operations'
import type { Verdict } from './report'
import type { Summary } from './stats'

export const SIMPLE: OperationName[] = ['get', 'add', 'update']
const OF_FLOOR_PERCENT = 70
const INDEXED_P95_MS = 5
const FUNCTION_ADDS_MS = 2

type Results = Partial<Record<OperationName, Summary>>

export function judge(
  floor: Results,
  disk: Results,
  added: { p50: number; p95: number },
  docs: number,
): Verdict[] {
  const indexed = disk.queryIndexed!
  return [
    ...SIMPLE.map((name) => {
      const [mine, base] = [disk[name]!.opsPerSec, floor[name]!.opsPerSec]
      const percent = (100 * mine) / base
      return {
        target: `${DESCRIPTIONS[name]} ≥ ${OF_FLOOR_PERCENT}% of the floor's ops/s`,
        measured: `${percent.toFixed(0)}% (${mine.toFixed(0)} vs ${base.toFixed(0)} ops/s)`,
        pass: percent >= OF_FLOOR_PERCENT,
      }
    }),
    {
      target: `indexed query on 100,000 documents: p95 < ${INDEXED_P95_MS} ms`,
      measured: `p95 ${indexed.p95.toFixed(2)} ms on ${docs.toLocaleString('en')} documents`,
      pass: indexed.p95 < INDEXED_P95_MS,
    },
    {
      target: `a function call adds < ${FUNCTION_ADDS_MS} ms (judged on p95)`,
      measured: `p50 ${signed(added.p50)} ms, p95 ${signed(added.p95)} ms`,
      pass: added.p95 < FUNCTION_ADDS_MS,
    },
  ]
}

function signed(ms: number): string {
  return `${ms >= 0 ? '+' : ''}${ms.toFixed(2)}`
}
