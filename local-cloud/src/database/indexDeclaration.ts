/**
 * Collections and their indexes are declared one file per collection (the project's `database/`
 * folder), applied here at start as the deploy applies them in the cloud:
 * `{ "name": "signups", "indexes": [{ "name": "project_user", "keys": { "projectId": 1, "openid": 1 }, "unique": true }] }`
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

export interface IndexDeclaration {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
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
      }
      return declaration
    })
}
