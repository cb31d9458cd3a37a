/**
 * `<rich-text>`: nodes as an HTML string or as WeChat's node list. Scripts, embedded documents
 * and event-handler attributes are dropped, as WeChat drops them: the content may come from a
 * resident.
 */
import { clear } from '../dom'
import type { Dict } from '../types'
import { type Builtin, host, prop } from './builtin'

export const richText: Builtin = {
  properties: { nodes: prop(null, []), space: prop(String, '') },
  render() {
    const el = host(this)
    clear(el)
    const nodes = this.data['nodes']
    if (typeof nodes === 'string') {
      const doc = new DOMParser().parseFromString(nodes, 'text/html')
      doc.querySelectorAll('script,style,iframe,object,embed').forEach((n) => n.remove())
      doc
        .querySelectorAll('*')
        .forEach((n) =>
          [...n.attributes].forEach((a) => /^on/i.test(a.name) && n.removeAttribute(a.name)),
        )
      el.append(...[...doc.body.childNodes])
    } else if (Array.isArray(nodes)) el.append(...nodes.map(richNode))
  },
}

function richNode(node: unknown): Node {
  const n = node as Dict
  if (n['type'] === 'text') return document.createTextNode(String(n['text'] ?? ''))
  const name = String(n['name'] ?? 'div')
  const el = document.createElement(
    /^[a-z][a-z0-9]*$/i.test(name) && !/^(script|iframe|object|embed|style)$/i.test(name)
      ? name
      : 'span',
  )
  for (const [key, value] of Object.entries((n['attrs'] as Dict) ?? {}))
    if (!/^on/i.test(key)) el.setAttribute(key, String(value))
  for (const child of (n['children'] as unknown[]) ?? []) el.append(richNode(child))
  return el
}
