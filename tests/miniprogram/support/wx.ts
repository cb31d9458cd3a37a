/**
 * The `wx` stub every page test runs against: miniprogram-simulate's API mock, with what it lacks
 * (a working storage, `wx.cloud`, `getApp`, `getCurrentPages`, `Page`, `App`) and jest spies on the
 * calls a test wants to see (navigation, toasts).
 */
const storage = new Map<string, unknown>()

export interface CloudStub {
  callFunction: jest.Mock
  uploadFile: jest.Mock
  init: jest.Mock
}

function createWx() {
  return {
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
    removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
    clearStorageSync: jest.fn(() => storage.clear()),
    showToast: jest.fn(),
    showModal: jest.fn(),
    showLoading: jest.fn(),
    hideLoading: jest.fn(),
    navigateTo: jest.fn(),
    redirectTo: jest.fn(),
    switchTab: jest.fn(),
    navigateBack: jest.fn(),
    reLaunch: jest.fn(),
    stopPullDownRefresh: jest.fn(),
    previewImage: jest.fn(),
    // Picks one photo unless a test says otherwise; compressing answers the same file.
    chooseMedia: jest.fn((options: { success(r: unknown): void }) =>
      options.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/photo-1.jpg' }] }),
    ),
    compressImage: jest.fn((options: { src: string; success(r: unknown): void }) =>
      options.success({ tempFilePath: options.src }),
    ),
    requestSubscribeMessage: jest.fn((options: { success(r: unknown): void }) =>
      options.success({ errMsg: 'requestSubscribeMessage:ok' }),
    ),
    cloud: {
      init: jest.fn(),
      callFunction: jest.fn(async () => {
        throw new Error('wx.cloud.callFunction is not stubbed in this test')
      }),
      uploadFile: jest.fn(async () => {
        throw new Error('wx.cloud.uploadFile is not stubbed in this test')
      }),
    } satisfies CloudStub,
  }
}

const globals = globalThis as unknown as Record<string, unknown>
globals['wx'] = createWx()
globals['getApp'] = () => ({ globalData: {} })
globals['getCurrentPages'] = () => []
globals['App'] = () => undefined
globals['Page'] = () => {
  throw new Error('pages are written with Component(); Page() is not supported')
}

beforeEach(() => {
  storage.clear()
  jest.clearAllMocks()
})
