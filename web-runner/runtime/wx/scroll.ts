/** wx pull-down refresh and page scrolling, on the page on top. */
import { ApiFail, asyncApi } from '../api'
import { eachComponent } from '../engine'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

export function scrollApis(rt: Runtime): Dict {
  const { router } = rt
  return {
    startPullDownRefresh: asyncApi(
      'startPullDownRefresh',
      () => void router.startPullDownRefresh(),
    ),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => router.stopPullDownRefresh()),
    pageScrollTo: asyncApi('pageScrollTo', (o) => {
      const top = router.top
      if (!top) return
      let scrollTop = Number(o['scrollTop'] ?? 0)
      if (o['selector']) {
        // The selector may name a node inside any component of the page, as in WeChat.
        let target: HTMLElement | null = null
        eachComponent(top.handle.root, (node) => {
          const found = (
            node.shadowRoot as unknown as { querySelector?(s: string): { $$: HTMLElement } | null }
          )?.querySelector?.(String(o['selector']))
          if (!target && found) target = found.$$
        })
        if (!target) throw new ApiFail(`no node matches ${String(o['selector'])}`)
        scrollTop =
          (target as HTMLElement).getBoundingClientRect().top -
          top.frame.scroller.getBoundingClientRect().top +
          top.frame.scroller.scrollTop
      }
      router.pageScrollTo(scrollTop, Number(o['duration'] ?? 300))
    }),
  }
}
