/** Tiny DOM helpers for the runner's own interface (never for the mini-program's pages). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | number | boolean | EventListener> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value)
    else if (key === 'class') el.className = String(value)
    else if (typeof value === 'boolean') {
      if (value) el.setAttribute(key, '')
    } else el.setAttribute(key, String(value))
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return el
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove()
}
