/**
 * wx selector queries, intersection observers and animations. j-component's selector query and
 * miniprogram-simulate's animation are plain browser code: the runner uses them as they are,
 * teaching the query one thing it lacks (canvas nodes).
 */
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SelectorQuery = require('j-component/src/tool/selectorquery') as new (
  component?: unknown,
) => Dict
withCanvasNodes(SelectorQuery)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Animation = require('miniprogram-simulate/src/api/animation') as new (
  options: unknown,
) => unknown

export function queryApis(rt: Runtime): Dict {
  const { router } = rt
  return {
    createSelectorQuery: () => {
      const query = new SelectorQuery() as Dict & { in(component: unknown): unknown }
      const top = router.top
      // Without .in(component), WeChat queries the page on top.
      if (top) query.in({ _exparserNode: top.handle.root })
      return query
    },
    createIntersectionObserver: (component: Dict, options: Dict) =>
      (component['createIntersectionObserver'] as (o: Dict) => unknown)(options),
    createAnimation: (options: Dict = {}) => new Animation(options),
  }
}

/**
 * WeChat answers `fields({ node: true })` with the node of a `<canvas type="2d">`; j-component
 * does not know nodes, so its answers get the browser canvas the built-in drew.
 */
function withCanvasNodes(Query: new (component?: unknown) => Dict): void {
  const proto = Query.prototype as {
    exec(callback?: (results: unknown[]) => void): unknown
    _queue?: Array<{
      selector: string
      exparserNode:
        | 0
        | {
            shadowRoot: {
              querySelector(s: string): unknown
              querySelectorAll(s: string): unknown[]
            }
          }
      isSelectSingle: boolean
      fields: Dict
    }>
  }
  const exec = proto.exec
  proto.exec = function (this: typeof proto, callback) {
    const queue = [...(this._queue ?? [])]
    return exec.call(this, (results: unknown[]) => {
      queue.forEach((item, i) => {
        if (!item.fields['node'] || item.exparserNode === 0) return
        const root = item.exparserNode.shadowRoot
        const found = item.isSelectSingle
          ? [root.querySelector(item.selector)]
          : [...root.querySelectorAll(item.selector)]
        const answers = (item.isSelectSingle ? [results[i]] : results[i]) as Array<Dict | null>
        answers.forEach((answer, k) => {
          const element = (found[k] as { $$?: HTMLElement } | null)?.$$
          if (answer) answer['node'] = element?.querySelector('canvas') ?? null
        })
      })
      callback?.(results)
    })
  }
}
