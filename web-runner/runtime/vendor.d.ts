/** The parts of exparser (miniprogram-exparser) the runner touches. */
declare module 'miniprogram-exparser' {
  interface ExparserNode {
    $$: HTMLElement
    shadowRoot?: ExparserNode
    childNodes: ExparserNode[]
    data: Record<string, unknown>
    triggerLifeTime(name: string, args: unknown[]): void
    triggerPageLifeTime(name: string, args: unknown[]): void
  }
  const exparser: {
    Component: { new (): ExparserNode; prototype: ExparserNode }
    Element: {
      new (): ExparserNode
      pretendAttached(node: ExparserNode): void
      pretendDetached(node: ExparserNode): void
      getMethodCaller(node: ExparserNode): Record<string, unknown>
    }
    Event: {
      create(name: string, detail: unknown, options: Record<string, unknown>): unknown
      dispatchEvent(target: unknown, event: unknown): void
    }
  }
  export = exparser
  export type { ExparserNode }
}
