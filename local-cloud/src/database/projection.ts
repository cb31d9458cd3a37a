/**
 * Projections that name a field and a field inside it (`{ o: 1, 'o.a': 1 }`) are refused, as
 * MongoDB 4.4 and later refuse them ("Path Collision Restrictions: Starting in MongoDB 4.4, it is
 * illegal to project an embedded document with any of the embedded document's fields", MongoDB
 * 4.4 compatibility notes). Older servers allowed it; CloudBase does not say which version it
 * runs (local-cloud/README.md), and a projection refused here also works on an older server.
 */
import { TcbError } from '../protocol/tcbError'
import { isPlainObject, type Document } from './ejson'

interface Node {
  leaf: boolean
  children: Map<string, Node>
}

export function checkProjection(projection: Document): void {
  const root: Node = { leaf: false, children: new Map() }
  for (const path of paths(projection, '')) add(root, path)
}

/** Dotted paths of a projection; a nested specification ({ o: { a: 1 } }) names o.a. */
function paths(spec: Document, prefix: string): string[] {
  return Object.entries(spec).flatMap(([key, value]) => {
    const path = prefix + key
    const nested =
      isPlainObject(value) &&
      Object.keys(value).length > 0 &&
      Object.keys(value).every((k) => !k.startsWith('$'))
    return nested ? paths(value, `${path}.`) : [path]
  })
}

function add(root: Node, path: string): void {
  const parts = path.split('.')
  let node = root
  for (let i = 0; i < parts.length; i++) {
    let child = node.children.get(parts[i]!)
    if (child?.leaf)
      collision(`Path collision at ${path} remaining portion ${parts.slice(i).join('.')}`)
    if (!child) {
      child = { leaf: false, children: new Map() }
      node.children.set(parts[i]!, child)
    }
    node = child
  }
  if (node.children.size > 0) collision(`Path collision at ${path}`)
  node.leaf = true
}

function collision(message: string): never {
  throw new TcbError('DATABASE_REQUEST_FAILED', message)
}
