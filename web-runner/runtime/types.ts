/** What the build leaves on `window` for the runtime (see ../build/index.ts). */
export interface ComponentInfo {
  tag: string
  isPage: boolean
  json: PageJson
  using: Record<string, string>
}

export interface PageJson {
  navigationBarTitleText?: string
  navigationBarBackgroundColor?: string
  navigationBarTextStyle?: 'white' | 'black'
  navigationStyle?: 'default' | 'custom'
  backgroundColor?: string
  enablePullDownRefresh?: boolean
  onReachBottomDistance?: number
  usingComponents?: Record<string, string>
  component?: boolean
  [key: string]: unknown
}

export interface TabBarItem {
  pagePath: string
  text: string
  iconPath?: string
  selectedIconPath?: string
}

export interface AppJson {
  pages: string[]
  window?: PageJson
  tabBar?: {
    color?: string
    selectedColor?: string
    backgroundColor?: string
    borderStyle?: string
    list: TabBarItem[]
  }
  [key: string]: unknown
}

export interface RunnerUser {
  openid: string
  /** What the switcher shows, e.g. 林晓红. */
  name: string
  /** The group the switcher lists them under, e.g. 社区工作人员. */
  role: string
  /** e.g. 鹤峰社区. */
  detail: string
}

export interface Manifest {
  app: AppJson
  pages: string[]
  components: Record<string, ComponentInfo>
  users: RunnerUser[]
  identityStorageKey: string | null
  screen: { width: number; height: number }
}

export type ModuleFactory = (
  module: { exports: unknown },
  exports: unknown,
  require: (name: string) => unknown,
) => void

export type AnyFunction = (...args: never[]) => unknown
/** Plain objects crossing the app's code: options of wx calls, page instances. */
export type Dict = Record<string, unknown>

declare global {
  interface Window {
    __wxManifest: Manifest
    __wxGwx: (path: string) => unknown
    __wxModules: Record<string, ModuleFactory>
    __wxRpxRatio: number
  }
}
