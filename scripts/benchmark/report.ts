/** The printed table, the targets beside the figures, and the JSON copy. */
import * as fs from 'node:fs'
import * as path from 'node:path'

export interface Row {
  setup: string
  operation: string
  iterations?: number
  opsPerSec?: number
  p50: number
  p95: number
  p99?: number
  /** ops/s as a percentage of the floor's for the same operation. */
  ofFloor?: number
}

export interface Verdict {
  target: string
  measured: string
  pass: boolean
}

const COLUMNS: Array<[string, (row: Row) => string]> = [
  ['setup', (row) => row.setup],
  ['operation', (row) => row.operation],
  ['calls', (row) => optional(row.iterations, 0)],
  ['ops/s', (row) => optional(row.opsPerSec, 0)],
  ['p50 ms', (row) => row.p50.toFixed(2)],
  ['p95 ms', (row) => row.p95.toFixed(2)],
  ['p99 ms', (row) => optional(row.p99, 2)],
  ['% floor', (row) => (row.ofFloor === undefined ? '' : `${row.ofFloor.toFixed(0)}%`)],
]

export function formatTable(rows: Row[]): string {
  const cells = [
    COLUMNS.map(([title]) => title),
    ...rows.map((row) => COLUMNS.map(([, f]) => f(row))),
  ]
  const widths = COLUMNS.map((_c, i) => Math.max(...cells.map((line) => line[i]!.length)))
  return cells
    .map((line) =>
      line
        .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  '),
    )
    .join('\n')
}

export function formatVerdicts(verdicts: Verdict[]): string {
  const width = Math.max(...verdicts.map((v) => v.target.length))
  return verdicts
    .map((v) => `${v.pass ? 'PASS' : 'MISS'}  ${v.target.padEnd(width)}  ${v.measured}`)
    .join('\n')
}

export function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)
}

function optional(value: number | undefined, digits: number): string {
  return value === undefined ? '' : value.toFixed(digits)
}
