/**
 * The `wx` object of the web runner. Each API does in the browser what it does on a phone, as
 * far as a browser can: storage in localStorage (per user), toasts and modals in the phone,
 * photos from a file picker, requests with fetch, cloud functions and storage on the local cloud
 * that serves the runner, as the chosen user. Anything else fails loudly (see api.ts).
 */
import { ApiFail, asyncApi, loud } from './api'
import { h } from './dom'
import { addTempFile, cloudOrigin, extensionOf, resolveSrc, tempFile } from './files'
import type { Identity } from './identity'
import type { Phone } from './phone'
import { MODAL_DEFAULTS, NAV_BAR, STATUS_BAR } from './phone'
import { RouteError, type Router } from './router'
import type { Dict, Manifest } from './types'
import { eachComponent } from './engine'
// j-component's selector query and miniprogram-simulate's animation are plain browser code.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SelectorQuery = require('j-component/src/tool/selectorquery') as new (
  component?: unknown,
) => Dict
withCanvasNodes(SelectorQuery)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Animation = require('miniprogram-simulate/src/api/animation') as new (
  options: unknown,
) => unknown

export interface Runtime {
  manifest: Manifest
  phone: Phone
  router: Router
  identity: Identity
  /** The app used an API (or component) the runner does not have. */
  unsupported(name: string): void
  /** Shows the share card of the page on top. */
  share(from: 'menu' | 'button', target?: Dict): void
  /** Codes a user may pick when "scanning": shared paths seen in this session, and so on. */
  knownCodes: string[]
  /** The identity storage key was written: the app switched users itself. */
  identityChanged(openid: string): void
}

export function createWx(rt: Runtime): Dict {
  const { phone, router, identity, manifest } = rt
  const screen = manifest.screen

  // ---- storage (this user's phone) -----------------------------------------------------------
  const writeStored = (key: string, value: unknown): void => {
    if (typeof key !== 'string' || key === '')
      throw new ApiFail('parameter error: key should be a non-empty string')
    identity.store(key, value)
    if (
      manifest.identityStorageKey === key &&
      typeof value === 'string' &&
      value !== identity.openid
    ) {
      rt.identityChanged(value)
    }
  }
  const storageInfo = (): Dict => {
    const keys = identity.storageKeys()
    let bytes = 0
    for (const key of keys) bytes += (localStorage.getItem(identity.storageKey(key)) ?? '').length
    return { keys, currentSize: Math.ceil(bytes / 1024), limitSize: 10240 }
  }
  const clearStored = (): void => {
    for (const key of identity.storageKeys()) localStorage.removeItem(identity.storageKey(key))
  }

  // ---- navigation ----------------------------------------------------------------------------
  /** The runner opens the app once, from the first page: launch and enter options are alike. */
  const launchOptions = () => ({
    path: router.pages[0]?.route ?? '',
    query: router.pages[0]?.query ?? {},
    scene: 1001,
    referrerInfo: {},
  })
  const route = (name: string, act: (options: Dict) => void) =>
    asyncApi(name, async (options) => {
      // Like WeChat, the page changes after the current event handler has finished.
      await new Promise((resolve) => setTimeout(resolve, 0))
      try {
        act(options)
      } catch (error) {
        if (error instanceof RouteError) throw new ApiFail(error.message)
        throw error
      }
    })

  const systemInfo = (): Dict => {
    const top = router.top
    const custom = top?.json.navigationStyle === 'custom'
    const windowHeight = phone.windowHeight(custom, !!top?.isTab)
    return {
      brand: 'web',
      model: 'web runner (375×812)',
      pixelRatio: window.devicePixelRatio || 2,
      screenWidth: screen.width,
      screenHeight: screen.height,
      windowWidth: screen.width,
      windowHeight,
      statusBarHeight: STATUS_BAR,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'web',
      platform: 'devtools',
      fontSizeSetting: 16,
      SDKVersion: '3.5.0',
      benchmarkLevel: 1,
      theme: 'light',
      safeArea: {
        left: 0,
        right: screen.width,
        top: STATUS_BAR,
        bottom: screen.height,
        width: screen.width,
        height: screen.height - STATUS_BAR,
      },
      host: { env: 'WeChat' },
      enableDebug: false,
      environment: '',
      deviceOrientation: 'portrait',
    }
  }

  // ---- photos ----------------------------------------------------------------------------------
  const pickFiles = (name: string, accept: string, count: number): Promise<File[]> =>
    new Promise((resolve, reject) => {
      let settled = false
      const input = h('input', {
        type: 'file',
        accept,
        class: 'jl-file-input',
        ...(count > 1 ? { multiple: true } : {}),
      })
      const sheet = phone.sheet(
        [
          h('label', { class: 'jl-sheet-item jl-file-label' }, '从手机相册选择', input),
          h(
            'div',
            { class: 'jl-sheet-note' },
            `（${name}：浏览器里从电脑选择文件，至多 ${count} 个）`,
          ),
        ],
        { className: 'jl-media-sheet' },
      )
      input.addEventListener('change', () => {
        settled = true
        const chosen = [...(input.files ?? [])].slice(0, count)
        sheet.close()
        resolve(chosen)
      })
      void sheet.closed.then(() => {
        if (!settled) reject(new ApiFail('cancel'))
      })
    })
  const toTempFile = async (file: File): Promise<{ path: string; size: number; type: string }> => {
    const bytes = await file.arrayBuffer()
    const temp = addTempFile(
      bytes,
      file.type || 'application/octet-stream',
      extensionOf(file.type, file.name),
    )
    return { path: temp.path, size: bytes.byteLength, type: temp.type }
  }
  const loadImage = (src: string): Promise<HTMLImageElement> =>
    new Promise((resolve, reject) => {
      const image = new Image()
      image.onload = () => resolve(image)
      image.onerror = () => reject(new ApiFail('image could not be loaded'))
      image.src = resolveSrc(src, router.top?.route ?? '')
    })

  const fileSystemManager = loud(
    {
      readFile: asyncApi('readFile', (options) => ({
        data: readFile(String(options['filePath']), options['encoding'] as string | undefined),
      })),
      readFileSync: (filePath: string, encoding?: string) => readFile(filePath, encoding),
      getFileInfo: asyncApi('getFileInfo', (options) => {
        const file = tempFile(String(options['filePath']))
        if (!file) throw new ApiFail(`no such file or directory ${String(options['filePath'])}`)
        return { size: file.bytes.byteLength }
      }),
      access: asyncApi('access', (options) => {
        if (!tempFile(String(options['path'])))
          throw new ApiFail(`no such file or directory ${String(options['path'])}`)
      }),
      accessSync: (path: string) => {
        if (!tempFile(path)) throw new Error(`accessSync:fail no such file or directory ${path}`)
      },
    },
    'FileSystemManager.',
    rt.unsupported,
  )

  // ---- cloud (the local cloud that serves the runner) -------------------------------------------
  const cloud = loud(
    {
      init: () => undefined,
      callFunction: asyncApi('cloud.callFunction', async (options) => {
        const response = await fetch(`${cloudOrigin()}/callFunction`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-WX-OPENID': identity.openid },
          body: JSON.stringify({ name: options['name'], data: options['data'] ?? {} }),
        })
        const body = (await response.json()) as Dict
        if (response.status !== 200)
          throw new ApiFail(String(body['error'] ?? `local cloud answered ${response.status}`))
        return { result: body['result'], requestID: body['requestID'] }
      }),
      uploadFile: asyncApi('cloud.uploadFile', async (options) => {
        const file = tempFile(String(options['filePath']))
        if (!file) throw new ApiFail(`no such file ${String(options['filePath'])}`)
        const response = await fetch(
          `${cloudOrigin()}/uploadFile?cloudPath=${encodeURIComponent(String(options['cloudPath']))}`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/octet-stream', 'X-WX-OPENID': identity.openid },
            body: file.bytes,
          },
        )
        const body = (await response.json()) as Dict
        if (response.status !== 200) throw new ApiFail(String(body['error'] ?? response.status))
        return { fileID: body['fileID'], statusCode: 200 }
      }),
      getTempFileURL: asyncApi('cloud.getTempFileURL', (options) => ({
        fileList: ((options['fileList'] as unknown[]) ?? []).map((item) => {
          const fileID = typeof item === 'string' ? item : String((item as Dict)['fileID'])
          return { fileID, tempFileURL: resolveSrc(fileID, ''), status: 0, errMsg: 'ok' }
        }),
      })),
      downloadFile: asyncApi('cloud.downloadFile', async (options) =>
        download(resolveSrc(String(options['fileID']), '')),
      ),
    },
    'cloud.',
    rt.unsupported,
  )

  const readFile = (filePath: string, encoding?: string): ArrayBuffer | string => {
    const file = tempFile(filePath)
    if (!file) throw new ApiFail(`no such file or directory, open ${filePath}`)
    if (!encoding || encoding === 'binary') return file.bytes.slice(0)
    if (encoding === 'base64') return toBase64(file.bytes)
    return new TextDecoder(encoding === 'utf-8' ? 'utf-8' : encoding).decode(file.bytes)
  }

  const download = async (url: string): Promise<Dict> => {
    const response = await fetch(url)
    const bytes = await response.arrayBuffer()
    const type = response.headers.get('content-type') ?? 'application/octet-stream'
    const temp = addTempFile(
      bytes,
      type,
      extensionOf(type, new URL(url, window.location.href).pathname),
    )
    return { tempFilePath: temp.path, statusCode: response.status }
  }

  let clipboard = ''
  // Consent is given on the app's own button (open-type="agreePrivacyAuthorization").
  const privacyHandlers: Array<(resolve: (result: Dict) => void, event: Dict) => void> = []
  const appShowListeners: Array<(options: Dict) => void> = []
  const appHideListeners: Array<() => void> = []
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible')
      appShowListeners.forEach((fn) =>
        fn({ path: router.top?.route ?? '', query: router.top?.query ?? {}, scene: 1001 }),
      )
    else appHideListeners.forEach((fn) => fn())
  })

  const wx: Dict = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    canIUse: (schema: string) =>
      typeof schema === 'string' && !/^(cloud\.database|getUserProfile)/.test(schema),
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),

    // storage
    setStorageSync: writeStored,
    getStorageSync: (key: string) => identity.stored(key).value,
    removeStorageSync: (key: string) => localStorage.removeItem(identity.storageKey(key)),
    clearStorageSync: clearStored,
    getStorageInfoSync: storageInfo,
    setStorage: asyncApi('setStorage', (o) => writeStored(String(o['key']), o['data'])),
    getStorage: asyncApi('getStorage', (o) => {
      const stored = identity.stored(String(o['key']))
      if (!stored.found) throw new ApiFail('data not found')
      return { data: stored.value }
    }),
    removeStorage: asyncApi('removeStorage', (o) =>
      localStorage.removeItem(identity.storageKey(String(o['key']))),
    ),
    clearStorage: asyncApi('clearStorage', clearStored),
    getStorageInfo: asyncApi('getStorageInfo', storageInfo),

    // interaction
    showToast: asyncApi('showToast', (o) =>
      phone.toast({
        title: String(o['title'] ?? ''),
        icon: String(o['icon'] ?? 'success'),
        ...(o['image'] ? { image: resolveSrc(String(o['image']), router.top?.route ?? '') } : {}),
        duration: Number(o['duration'] ?? 1500),
        mask: !!o['mask'],
      }),
    ),
    hideToast: asyncApi('hideToast', () => phone.hideToast()),
    showLoading: asyncApi('showLoading', (o) =>
      phone.toast({
        title: String(o['title'] ?? ''),
        icon: 'loading',
        duration: 0,
        mask: !!o['mask'],
      }),
    ),
    hideLoading: asyncApi('hideLoading', () => phone.hideToast()),
    showModal: asyncApi('showModal', (o) =>
      phone.modal({
        title: String(o['title'] ?? ''),
        content: String(o['content'] ?? ''),
        showCancel: o['showCancel'] !== false,
        cancelText: String(o['cancelText'] ?? MODAL_DEFAULTS.cancelText),
        cancelColor: String(o['cancelColor'] ?? MODAL_DEFAULTS.cancelColor),
        confirmText: String(o['confirmText'] ?? MODAL_DEFAULTS.confirmText),
        confirmColor: String(o['confirmColor'] ?? MODAL_DEFAULTS.confirmColor),
        editable: !!o['editable'],
        placeholderText: String(o['placeholderText'] ?? ''),
      }),
    ),
    showActionSheet: asyncApi('showActionSheet', async (o) => {
      const index = await phone.actionSheet(
        (o['itemList'] as string[]) ?? [],
        String(o['itemColor'] ?? '#000000'),
        String(o['alertText'] ?? ''),
      )
      if (index === null) throw new ApiFail('cancel')
      return { tapIndex: index }
    }),

    // navigation bar, tab bar, pull-down refresh, scrolling
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', (o) =>
      router.setTitle(String(o['title'] ?? '')),
    ),
    setNavigationBarColor: asyncApi('setNavigationBarColor', (o) =>
      router.setNavColors({
        background: String(o['backgroundColor'] ?? '#000000'),
        textStyle: o['frontColor'] === '#000000' ? 'black' : 'white',
      }),
    ),
    showNavigationBarLoading: asyncApi('showNavigationBarLoading', () =>
      router.setNavLoading(true),
    ),
    hideNavigationBarLoading: asyncApi('hideNavigationBarLoading', () =>
      router.setNavLoading(false),
    ),
    hideHomeButton: asyncApi('hideHomeButton', () => undefined),
    setTabBarBadge: asyncApi('setTabBarBadge', (o) =>
      phone.setTabBadge(Number(o['index']), String(o['text'] ?? '')),
    ),
    removeTabBarBadge: asyncApi('removeTabBarBadge', (o) =>
      phone.setTabBadge(Number(o['index']), null),
    ),
    showTabBarRedDot: asyncApi('showTabBarRedDot', (o) =>
      phone.setTabBadge(Number(o['index']), ''),
    ),
    hideTabBarRedDot: asyncApi('hideTabBarRedDot', (o) =>
      phone.setTabBadge(Number(o['index']), null),
    ),
    showTabBar: asyncApi('showTabBar', () => phone.setTabBarHidden(false)),
    hideTabBar: asyncApi('hideTabBar', () => phone.setTabBarHidden(true)),
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

    // routes
    navigateTo: route('navigateTo', (o) => router.navigateTo(String(o['url'] ?? ''))),
    redirectTo: route('redirectTo', (o) => router.redirectTo(String(o['url'] ?? ''))),
    navigateBack: route('navigateBack', (o) => router.navigateBack(Number(o['delta'] ?? 1))),
    switchTab: route('switchTab', (o) => router.switchTab(String(o['url'] ?? ''))),
    reLaunch: route('reLaunch', (o) => router.reLaunch(String(o['url'] ?? ''))),

    // system
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', systemInfo),
    getSystemInfoAsync: asyncApi('getSystemInfoAsync', systemInfo),
    getWindowInfo: systemInfo,
    getDeviceInfo: systemInfo,
    getAppBaseInfo: systemInfo,
    getSystemSetting: () => ({
      bluetoothEnabled: false,
      locationEnabled: false,
      wifiEnabled: true,
      deviceOrientation: 'portrait',
    }),
    getAppAuthorizeSetting: () => ({
      albumAuthorized: 'authorized',
      cameraAuthorized: 'authorized',
      notificationAuthorized: 'authorized',
    }),
    getMenuButtonBoundingClientRect: () => ({
      width: 87,
      height: 32,
      top: STATUS_BAR + (NAV_BAR - 32) / 2,
      bottom: STATUS_BAR + (NAV_BAR + 32) / 2,
      right: screen.width - 7,
      left: screen.width - 94,
    }),
    getLaunchOptionsSync: launchOptions,
    getEnterOptionsSync: launchOptions,
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'wxwebrunner', envVersion: 'develop', version: '' },
    }),
    getNetworkType: asyncApi('getNetworkType', () => ({
      networkType: navigator.onLine ? 'wifi' : 'none',
    })),
    onAppShow: (fn: (options: Dict) => void) => void appShowListeners.push(fn),
    offAppShow: (fn: (options: Dict) => void) =>
      void appShowListeners.splice(appShowListeners.indexOf(fn) >>> 0, 1),
    onAppHide: (fn: () => void) => void appHideListeners.push(fn),
    offAppHide: (fn: () => void) =>
      void appHideListeners.splice(appHideListeners.indexOf(fn) >>> 0, 1),
    onError: (fn: (message: string) => void) =>
      window.addEventListener('error', (event) => fn(String(event.message))),
    onUnhandledRejection: (fn: (result: Dict) => void) =>
      window.addEventListener('unhandledrejection', (event) =>
        fn({ reason: event.reason, promise: event.promise }),
      ),
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

    // network
    request: (o: Dict) => {
      const controller = new AbortController()
      void asyncApi('request', async () => {
        const method = String(o['method'] ?? 'GET').toUpperCase()
        const headers = new Headers((o['header'] as Record<string, string>) ?? {})
        let url = String(o['url'])
        let body: BodyInit | undefined
        const data = o['data']
        if (method === 'GET' && data && typeof data === 'object') {
          const search = new URLSearchParams(data as Record<string, string>).toString()
          if (search) url += (url.includes('?') ? '&' : '?') + search
        } else if (data instanceof ArrayBuffer) body = data
        else if (data !== undefined && data !== null) {
          const type = headers.get('content-type') ?? 'application/json'
          if (!headers.has('content-type')) headers.set('content-type', type)
          body =
            typeof data === 'string'
              ? data
              : type.includes('x-www-form-urlencoded')
                ? new URLSearchParams(data as Record<string, string>).toString()
                : JSON.stringify(data)
        }
        const timeout = Number(o['timeout'] ?? 60_000)
        const timer = setTimeout(() => controller.abort(), timeout)
        let response: Response
        try {
          response = await fetch(url, {
            method,
            headers,
            body: body ?? null,
            signal: controller.signal,
          })
        } catch (error) {
          throw new ApiFail(controller.signal.aborted ? 'abort' : (error as Error).message)
        } finally {
          clearTimeout(timer)
        }
        const header: Record<string, string> = {}
        response.headers.forEach((value, key) => (header[key] = value))
        let result: unknown
        if (o['responseType'] === 'arraybuffer') result = await response.arrayBuffer()
        else {
          const text = await response.text()
          result = text
          if ((o['dataType'] ?? 'json') === 'json') {
            try {
              result = JSON.parse(text)
            } catch {
              result = text
            }
          }
        }
        return { data: result, statusCode: response.status, header }
      })({ success: o['success'], fail: o['fail'], complete: o['complete'] })
      return {
        abort: () => controller.abort(),
        onHeadersReceived: () => undefined,
        offHeadersReceived: () => undefined,
      }
    },
    downloadFile: (o: Dict) => {
      void asyncApi('downloadFile', () => download(String(o['url'])))({
        success: o['success'],
        fail: o['fail'],
        complete: o['complete'],
      })
      return { abort: () => undefined, onProgressUpdate: () => undefined }
    },
    uploadFile: (o: Dict) => {
      void asyncApi('uploadFile', async () => {
        const file = tempFile(String(o['filePath']))
        if (!file) throw new ApiFail(`no such file ${String(o['filePath'])}`)
        const form = new FormData()
        for (const [key, value] of Object.entries((o['formData'] as Dict) ?? {}))
          form.append(key, String(value))
        form.append(
          String(o['name'] ?? 'file'),
          new Blob([file.bytes], { type: file.type }),
          file.path.split('/').pop(),
        )
        const response = await fetch(String(o['url']), {
          method: 'POST',
          headers: (o['header'] as Record<string, string>) ?? {},
          body: form,
        })
        return { data: await response.text(), statusCode: response.status }
      })({ success: o['success'], fail: o['fail'], complete: o['complete'] })
      return { abort: () => undefined, onProgressUpdate: () => undefined }
    },
    cloud,

    // media and files
    chooseMedia: asyncApi('chooseMedia', async (o) => {
      const types = (o['mediaType'] as string[] | undefined) ?? ['image', 'video']
      const accept = types
        .map((type) => (type === 'mix' ? 'image/*,video/*' : `${type}/*`))
        .join(',')
      const chosen = await pickFiles('chooseMedia', accept, Number(o['count'] ?? 9))
      const tempFiles = await Promise.all(
        chosen.map(async (file) => {
          const temp = await toTempFile(file)
          return {
            tempFilePath: temp.path,
            size: temp.size,
            fileType: file.type.startsWith('video') ? 'video' : 'image',
          }
        }),
      )
      return { tempFiles, type: tempFiles.every((f) => f.fileType === 'image') ? 'image' : 'mix' }
    }),
    chooseImage: asyncApi('chooseImage', async (o) => {
      const chosen = await pickFiles('chooseImage', 'image/*', Number(o['count'] ?? 9))
      const tempFiles = await Promise.all(chosen.map(toTempFile))
      return {
        tempFilePaths: tempFiles.map((f) => f.path),
        tempFiles: tempFiles.map((f) => ({ path: f.path, size: f.size })),
      }
    }),
    compressImage: asyncApi('compressImage', async (o) => {
      const image = await loadImage(String(o['src']))
      const canvas = document.createElement('canvas')
      const scale = Math.min(
        1,
        Number(o['compressedWidth'] ?? image.naturalWidth) / image.naturalWidth,
      )
      canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
      canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
      canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height)
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg', Number(o['quality'] ?? 80) / 100),
      )
      if (!blob) throw new ApiFail('compress failed')
      const temp = addTempFile(await blob.arrayBuffer(), 'image/jpeg', 'jpg')
      return { tempFilePath: temp.path }
    }),
    getImageInfo: asyncApi('getImageInfo', async (o) => {
      const image = await loadImage(String(o['src']))
      return {
        width: image.naturalWidth,
        height: image.naturalHeight,
        path: String(o['src']),
        orientation: 'up',
        type: 'jpeg',
      }
    }),
    previewImage: asyncApi('previewImage', (o) => {
      const urls = ((o['urls'] as string[]) ?? []).map(String)
      let index = Math.max(0, urls.indexOf(String(o['current'] ?? urls[0])))
      const image = h('img', { class: 'jl-preview-image', alt: '' })
      const counter = h('div', { class: 'jl-preview-count' })
      const show = (): void => {
        image.src = resolveSrc(urls[index] ?? '', router.top?.route ?? '')
        counter.textContent = `${index + 1} / ${urls.length}`
      }
      const step = (delta: number) => (event: Event) => {
        event.stopPropagation()
        index = (index + delta + urls.length) % urls.length
        show()
      }
      show()
      phone.fullscreen(
        h(
          'div',
          { class: 'jl-preview' },
          image,
          counter,
          urls.length > 1
            ? h('button', { class: 'jl-preview-prev', onclick: step(-1) }, '‹')
            : null,
          urls.length > 1 ? h('button', { class: 'jl-preview-next', onclick: step(1) }, '›') : null,
        ),
        () => undefined,
      )
    }),
    canvasToTempFilePath: asyncApi('canvasToTempFilePath', async (o) => {
      const canvas = o['canvas'] as HTMLCanvasElement | undefined
      if (!(canvas instanceof HTMLCanvasElement)) {
        throw new Error('canvasToTempFilePath:fail the web runner takes only a 2d canvas node')
      }
      const type = o['fileType'] === 'jpg' ? 'image/jpeg' : 'image/png'
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, type, Number(o['quality'] ?? 1)),
      )
      if (!blob) throw new Error('canvasToTempFilePath:fail the canvas is empty')
      const file = addTempFile(await blob.arrayBuffer(), type, type === 'image/png' ? 'png' : 'jpg')
      return { tempFilePath: file.path }
    }),
    showShareImageMenu: asyncApi('showShareImageMenu', (o) => {
      // The image the person would forward, shown as WeChat's menu shows it.
      const image = h('img', {
        class: 'jl-preview-image',
        alt: '',
        src: resolveSrc(String(o['path']), router.top?.route ?? ''),
      })
      phone.fullscreen(h('div', { class: 'jl-preview' }, image), () => undefined)
    }),
    saveImageToPhotosAlbum: asyncApi('saveImageToPhotosAlbum', (o) => {
      const link = h('a', {
        href: resolveSrc(String(o['filePath']), router.top?.route ?? ''),
        download: '',
      })
      link.click()
    }),
    getFileSystemManager: () => fileSystemManager,

    // open abilities
    login: asyncApi('login', () => ({ code: `web-runner-${identity.openid}` })),
    checkSession: asyncApi('checkSession', () => undefined),
    getSetting: asyncApi('getSetting', () => ({
      authSetting: {},
      subscriptionsSetting: { mainSwitch: true },
    })),
    authorize: asyncApi('authorize', () => undefined),
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({
      needAuthorization: false,
      privacyContractName: '《隐私保护指引》',
    })),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => undefined),
    onNeedPrivacyAuthorization: (fn: (resolve: (result: Dict) => void, event: Dict) => void) =>
      void privacyHandlers.push(fn),
    openPrivacyContract: asyncApi('openPrivacyContract', () =>
      phone
        .modal({
          title: '隐私保护指引',
          content: '（网页运行器：这里会打开小程序在后台声明的《隐私保护指引》）',
          showCancel: false,
          confirmText: '知道了',
        })
        .then(() => undefined),
    ),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', async (o) => {
      const ids = ((o['tmplIds'] as string[]) ?? []).map(String)
      if (ids.length === 0 || ids.length > 3) throw new ApiFail('Templates count out of max bounds')
      const answer: Record<string, string> = {}
      const choices = ids.map((id) => {
        const box = h('input', { type: 'checkbox', checked: true, 'data-id': id })
        return { id, box, row: h('label', { class: 'jl-subscribe-row' }, box, h('span', {}, id)) }
      })
      let allowed = false
      const sheet = phone.sheet(
        [
          h('div', { class: 'jl-sheet-note' }, '小程序想给你发送以下消息（每项允许一次）'),
          ...choices.map((c) => c.row),
          h(
            'button',
            {
              class: 'jl-sheet-item jl-subscribe-allow',
              onclick: () => ((allowed = true), sheet.close()),
            },
            '允许',
          ),
        ],
        { title: '订阅消息', cancelText: '取消' },
      )
      await sheet.closed
      for (const c of choices) answer[c.id] = allowed && c.box.checked ? 'accept' : 'reject'
      return answer
    }),
    scanCode: asyncApi('scanCode', async () => {
      const text = h('textarea', {
        class: 'jl-scan-input',
        placeholder: '粘贴二维码里的内容，或点下面的一个',
      })
      let result: string | null = null
      const sheet = phone.sheet(
        [
          text,
          ...rt.knownCodes
            .slice(-6)
            .reverse()
            .map((code) =>
              h(
                'button',
                {
                  class: 'jl-sheet-item jl-scan-known',
                  onclick: () => ((result = code), sheet.close()),
                },
                code,
              ),
            ),
          h(
            'button',
            {
              class: 'jl-sheet-item jl-scan-use',
              onclick: () => ((result = text.value.trim() || null), sheet.close()),
            },
            '用这个内容',
          ),
        ],
        { title: '扫一扫（网页运行器：粘贴或选择一个码）' },
      )
      await sheet.closed
      if (result === null) throw new ApiFail('cancel')
      const code: string = result
      const isPath = /^\/?(pages|subpackages|[a-z][\w-]*\/)/.test(code) && manifestHasRoute(code)
      return {
        result: code,
        scanType: 'QR_CODE',
        charSet: 'utf8',
        ...(isPath ? { path: code } : {}),
        rawData: btoa(unescape(encodeURIComponent(code))),
      }
    }),
    setClipboardData: asyncApi('setClipboardData', (o) => {
      clipboard = String(o['data'] ?? '')
      void navigator.clipboard?.writeText(clipboard).catch(() => undefined)
      phone.toast({ title: '内容已复制', icon: 'none', duration: 1500, mask: false })
    }),
    getClipboardData: asyncApi('getClipboardData', () => ({ data: clipboard })),
    makePhoneCall: asyncApi('makePhoneCall', async (o) => {
      const result = await phone.modal({
        title: String(o['phoneNumber'] ?? ''),
        content: '呼叫这个号码？（网页运行器不会真的拨号）',
        confirmText: '呼叫',
      })
      if (!result.confirm) throw new ApiFail('cancel')
    }),
    showShareMenu: asyncApi('showShareMenu', () => undefined),
    hideShareMenu: asyncApi('hideShareMenu', () => undefined),
    updateShareMenu: asyncApi('updateShareMenu', () => undefined),
    vibrateShort: asyncApi('vibrateShort', () => void navigator.vibrate?.(15)),
    vibrateLong: asyncApi('vibrateLong', () => void navigator.vibrate?.(400)),
    reportAnalytics: () => undefined,
    reportEvent: () => undefined,
  }

  const manifestHasRoute = (code: string): boolean => {
    const path = code.replace(/^\//, '').split('?')[0] ?? ''
    return manifest.pages.includes(path)
  }

  return loud(wx, 'wx.', rt.unsupported)
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = ''
  const view = new Uint8Array(bytes)
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000))
  return btoa(binary)
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
