/**
 * Collections and their indexes are declared one file per collection (the project's `database/`
 * folder), applied here at start as the deploy applies them in the cloud:
 * `{ "name": "signups", "indexes": [{ "name": "project_user", "keys": { "projectId": 1, "openid": 1 }, "unique": true }] }`
 * A key's direction is 1, -1 or "2dsphere", the three CloudBase accepts ("direction … 可枚举值:
 * -1(降序)、1(升序)、2dsphere(地理位置)", CloudBase Framework database plugin).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

export type IndexDirection = 1 | -1 | '2dsphere'

export interface IndexDeclaration {
  name: string
  keys: Record<string, IndexDirection>
  unique?: boolean
}

const DIRECTIONS: unknown[] = [1, -1, '2dsphere']

/** The paths an index declares as 2dsphere. */
export function geoPaths(index: IndexDeclaration): string[] {
  return Object.keys(index.keys).filter((path) => index.keys[path] === '2dsphere')
}

export interface CollectionDeclaration {
  name: string
  indexes?: IndexDeclaration[]
}

export function readDeclarations(dir: string): CollectionDeclaration[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const declaration = JSON.parse(
        fs.readFileSync(path.join(dir, file), 'utf8'),
      ) as CollectionDeclaration
      if (typeof declaration.name !== 'string') throw new Error(`${file}: "name" is missing`)
      for (const index of declaration.indexes ?? []) {
        if (!index.name || !index.keys || Object.keys(index.keys).length === 0) {
          throw new Error(`${file}: every index needs a name and keys`)
        }
        for (const [path, direction] of Object.entries(index.keys)) {
          if (!DIRECTIONS.includes(direction))
            throw new Error(`${file}: index ${index.name}: ${path} must be 1, -1 or "2dsphere"`)
        }
      }
      return declaration
    })
}
