/**
 * 楼栋管理费 pages against the real functions and the demo ledger of 继光花苑3号楼: the
 * household view, the open account, the plan, recording a payment, the receipt image, expenses
 * with photos, arrears with reminders, the export and the community's collection rates.
 */
import { render, settle, type Rendered } from '../../support/miniprogram'
import { BIG_BUILDING, seedBigBuilding } from '../../support/bigBuilding'
import { startLiveCloud, waitForText, type LiveCloud } from '../../support/liveCloud'
import {
  chineseAmount,
  drawReceipt,
  receiptContent,
  type ReceiptContext,
} from '../../../../miniprogram/subpackages/fees/receipt/draw'

let live: LiveCloud
beforeAll(async () => {
  live = await startLiveCloud()
}, 30_000)
afterAll(() => live.cloud.cloud.close())

const HEAD = 'demo-head-jiguang-3'
const RESIDENT = 'demo-resident-huang'
const wx = () => (globalThis as unknown as { wx: Record<string, jest.Mock> }).wx

type Page = { onLoad(query: Record<string, string>): unknown }
function open(path: string, query: Record<string, string> = {}): Rendered {
  const page = render(path)
  void (page.instance as unknown as Page).onLoad(query)
  return page
}
const instance = <T>(page: Rendered) => page.instance as unknown as T & Record<string, any>
/** Taps a Vant component (on its inner node) and lets the page react. */
async function tap(page: Rendered, selector: string, inner = '.van-button'): Promise<void> {
  page.querySelector(selector)!.querySelector(inner)!.dispatchEvent('tap')
  await settle()
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A canvas whose 2d context records what is drawn. */
function recordingCanvas() {
  const texts: string[] = []
  const ctx: ReceiptContext & { scale: jest.Mock } = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect: jest.fn(),
    strokeRect: jest.fn(),
    fillText: jest.fn((text: string) => void texts.push(text)),
    beginPath: jest.fn(),
    moveTo: jest.fn(),
    lineTo: jest.fn(),
    stroke: jest.fn(),
    save: jest.fn(),
    restore: jest.fn(),
    translate: jest.fn(),
    rotate: jest.fn(),
    scale: jest.fn(),
  }
  return { canvas: { width: 0, height: 0, getContext: () => ctx }, ctx, texts }
}

describe('a resident', () => {
  it('is asked to bind a household first', async () => {
    live.actAs('demo-resident-li')
    const page = open('subpackages/fees/household/index')
    await waitForText(page, '绑定房屋后，可以查看自家的管理费')
  })

  it('sees each period of their household, what is still due and their receipts', async () => {
    live.actAs(RESIDENT)
    const page = open('subpackages/fees/household/index')
    await waitForText(page, '继光花苑 3号楼 301')
    const text = page.dom!.textContent!
    expect(text).toContain('收费标准：每月 ¥30.00')
    expect(text).toContain('还有 1 期未缴，共 ¥30.00')
    expect(text).toContain('本期待缴')
    expect(text).toMatch(/收据 JG3-\d{4}-\d{4}/)
    await tap(page, '.subscribe')
    await until(() => wx()['showToast']!.mock.calls.length > 0)
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '楼栋长提醒时会通知您' }),
    )
    await tap(page, '.open-account')
    expect(wx()['navigateTo']).toHaveBeenCalledWith({
      url: '/subpackages/fees/account/index?buildingId=b-jiguang-3',
    })
    expect(page.querySelector('.record')).toBeUndefined()
  })

  it('sees the open account: balance, rooms without names, expenses and receipts', async () => {
    live.actAs(RESIDENT)
    const page = open('subpackages/fees/account/index', { buildingId: 'b-jiguang-3' })
    await waitForText(page, '本楼管理费结余')
    const text = page.dom!.textContent!
    expect(text).toContain('¥1,606.50')
    expect(text).toContain('更换楼道声控灯 3 个')
    expect(text).toContain('已核对签字：301')
    expect(text).toContain('作废收据-¥30.00（1 张）')
    expect(text).toMatch(/已缴 \d+ 户 · 未缴 \d+ 户 · 免缴 1 户/)
    expect(page.querySelectorAll('.room').length).toBe(12)
    expect(text).not.toMatch(/黄|陈建国/)
    expect(page.querySelector('.tool-record')).toBeUndefined()

    // 黄大伯 countersigns the cleaning he has not checked yet.
    const before = page.querySelectorAll('.countersign').length
    expect(before).toBeGreaterThan(0)
    page.querySelectorAll('.countersign')[0]!.querySelector('.van-button')!.dispatchEvent('tap')
    await until(() => page.querySelectorAll('.countersign').length === before - 1)
    expect(wx()['showToast']).toHaveBeenCalledWith(expect.objectContaining({ title: '已核对签字' }))
  })

  it('is told plainly when the account is not theirs to see', async () => {
    live.actAs('demo-resident-li')
    const page = open('subpackages/fees/account/index', { buildingId: 'b-jiguang-3' })
    await waitForText(page, '只有本楼住户、楼栋长和本社区工作人员可以查看本楼账目')
  })
})

describe('the head', () => {
  it('finds the ledger from 我的', async () => {
    live.actAs(HEAD)
    const page = render('pages/me/index')
    ;(page.instance as unknown as { onShow(): void }).onShow()
    await waitForText(page, '楼栋管理费账本 · 继光花苑 3号楼')
    await tap(page, '.fee-building', '.van-cell')
    expect(wx()['navigateTo']).toHaveBeenCalledWith({
      url: '/subpackages/fees/account/index?buildingId=b-jiguang-3',
    })
  })

  it('sees the tools on the account', async () => {
    live.actAs(HEAD)
    const page = open('subpackages/fees/account/index', { buildingId: 'b-jiguang-3' })
    await waitForText(page, '登记收款')
    await tap(page, '.tool-arrears')
    expect(wx()['navigateTo']).toHaveBeenCalledWith({
      url: '/subpackages/fees/arrears/index?buildingId=b-jiguang-3',
    })
  })

  it('records a new version of the plan from a future period', async () => {
    live.actAs(HEAD)
    const page = open('subpackages/fees/plan/index', { buildingId: 'b-jiguang-3' })
    await waitForText(page, '免缴：302（空置：长期空置）')
    await waitForText(page, '设置新的收费标准')
    await until(() => page.querySelectorAll('.household').length === 12)
    instance(page).setData({ amountText: '35' })
    await tap(page, '.save')
    await until(() => wx()['showToast']!.mock.calls.some((c) => c[0].title === '收费标准已保存'))
    await waitForText(page, '即将执行：每月每户 ¥35.00')
  })

  it('records a payment and gets the receipt, drawn as an image to save or forward', async () => {
    live.actAs(HEAD)
    const page = open('subpackages/fees/record/index', {
      buildingId: 'b-jiguang-3',
      householdId: 'h-jiguang-3-301',
    })
    await until(() => page.querySelectorAll('.period').length > 0)
    expect(page.dom!.textContent).toContain('本期 · ¥30.00')
    await tap(page, '.save')
    await settle()
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '请勾选缴了哪几期' }),
    )
    page.querySelectorAll('.period')[0]!.querySelector('.van-cell')!.dispatchEvent('tap')
    await waitForText(page, '1 期，共 ¥30.00')
    await tap(page, '.method-wechat', '.van-tag')
    await tap(page, '.save')
    await until(() => wx()['redirectTo']!.mock.calls.length > 0)
    const url = String(wx()['redirectTo']!.mock.calls[0]![0].url)
    const receiptId = url.split('receiptId=')[1]!

    const receipt = open('subpackages/fees/receipt/index', { receiptId })
    await waitForText(receipt, '叁拾元整')
    expect(receipt.dom!.textContent).toContain('微信转账')
    expect(receipt.dom!.textContent).toMatch(/JG3-\d{4}-\d{4}/)

    const { canvas, ctx, texts } = recordingCanvas()
    instance(receipt).paint(canvas, 300, 410)
    expect(ctx.scale).toHaveBeenCalled()
    expect(texts).toEqual(
      expect.arrayContaining(['楼栋管理费收据', '301', '¥30.00', '叁拾元整', '微信转账']),
    )
    expect(texts.some((t) => /^No\. JG3-/.test(t))).toBe(true)

    wx()['canvasToTempFilePath'] = jest.fn((options) =>
      options.success({ tempFilePath: 'wxfile://receipt.png' }),
    )
    wx()['saveImageToPhotosAlbum'] = jest.fn((options) => options.success())
    wx()['showShareImageMenu'] = jest.fn()
    await tap(receipt, '.save')
    await until(() => wx()['saveImageToPhotosAlbum']!.mock.calls.length > 0)
    expect(wx()['canvasToTempFilePath']).toHaveBeenCalledWith(
      expect.objectContaining({ canvas, fileType: 'png' }),
    )
    expect(wx()['saveImageToPhotosAlbum']).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://receipt.png' }),
    )
    await tap(receipt, '.share')
    await until(() => wx()['showShareImageMenu']!.mock.calls.length > 0)
    expect(wx()['showShareImageMenu']).toHaveBeenCalledWith({ path: 'wxfile://receipt.png' })

    // A mistake: the head voids it with a reason; it stays, stamped 作废.
    wx()['showModal']!.mockImplementation((options) =>
      options.success({ confirm: true, content: '登记错了，应为下月' }),
    )
    await tap(receipt, '.void')
    await waitForText(receipt, '作废 · 作废：登记错了，应为下月')
    expect(receipt.querySelector('.void')).toBeUndefined()
  })

  it('records an expense with a photo of its receipt', async () => {
    live.actAs(HEAD)
    // The shared wx stub picks one photo and uploads it into the local cloud's storage.
    const page = open('subpackages/fees/expense/index', { buildingId: 'b-jiguang-3' })
    await settle()
    page.querySelector('.photo-add')!.dispatchEvent('tap')
    await until(() => page.querySelectorAll('.photo-box').length === 1)
    instance(page).setData({ amountText: '66.80', purpose: '楼道灭火器年检' })
    await tap(page, '.save')
    await until(() => wx()['navigateBack']!.mock.calls.length > 0)
    const [expense] = live.cloud.cloud.store.find('feeExpenses', {
      filter: { purpose: '楼道灭火器年检' },
    })
    expect(expense).toMatchObject({
      amountFen: 6680,
      photos: [expect.stringMatching(/^cloud:\/\/.+\/uploads\/fees\//)],
    })
  })

  describe('of a building of more than 200 households (a page of rooms is 200)', () => {
    const BIG = BIG_BUILDING.id
    const BIG_HEAD = BIG_BUILDING.head
    const ROOMS = BIG_BUILDING.rooms
    const LATE = BIG_BUILDING.lateHouseholdId
    beforeAll(() => seedBigBuilding(live.cloud.cloud.store))

    it('can record a payment for a room past the first 200', async () => {
      live.actAs(BIG_HEAD)
      const page = open('subpackages/fees/record/index', { buildingId: BIG, householdId: LATE })
      await until(() => instance(page).data.householdId === LATE)
      expect(instance(page).data.roomLabels).toHaveLength(ROOMS)
      expect(instance(page).data.roomLabels[instance(page).data.roomIndex]).toBe('2305')
    })

    it('can exempt a room past the first 200 in the plan', async () => {
      live.actAs(BIG_HEAD)
      const page = open('subpackages/fees/plan/index', { buildingId: BIG })
      await until(() => instance(page).data.households.length > 0)
      expect(instance(page).data.households).toHaveLength(ROOMS)
      expect(instance(page).data.households.map((h: { id: string }) => h.id)).toContain(LATE)
    })
  })

  it('sees the arrears and reminds a household with a bound resident', async () => {
    live.actAs(HEAD)
    live.cloud.cloud.openApi.clearOutbox()
    const page = open('subpackages/fees/arrears/index', { buildingId: 'b-jiguang-3' })
    await waitForText(page, '户欠费')
    expect(page.dom!.textContent).toContain('502')
    expect(page.dom!.textContent).toContain('无人绑定')
    // Only 301 has a resident bound: its button is the only one.
    expect(page.querySelectorAll('.remind')).toHaveLength(1)
    expect(page.querySelector('.arrears-301')).toBeDefined()
    await tap(page, '.remind')
    await until(() => wx()['showToast']!.mock.calls.length > 0)
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已提醒 1 位住户' }),
    )
    expect(live.cloud.cloud.openApi.outbox()).toEqual([
      expect.objectContaining({ touser: RESIDENT, templateId: 'local-feeReminder' }),
    ])
    await waitForText(page, '今天已提醒')
  })

  it('exports the year and opens the workbook', async () => {
    live.actAs(HEAD)
    wx()['downloadFile'] = jest.fn((options) =>
      options.success({ statusCode: 200, tempFilePath: 'wxfile://ledger.xlsx' }),
    )
    wx()['openDocument'] = jest.fn((options) => options.success())
    const page = open('subpackages/fees/export/index', { buildingId: 'b-jiguang-3' })
    await settle()
    const year = String(new Date().getFullYear())
    await tap(page, `.choice-${year}`, '.van-cell')
    await until(() => wx()['openDocument']!.mock.calls.length > 0)
    expect(wx()['downloadFile']).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/\/__files\/exports\/fees\//) }),
    )
    expect(wx()['openDocument']).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://ledger.xlsx', fileType: 'xlsx' }),
    )
    await waitForText(page, '期末结余')
  })
})

describe('staff', () => {
  it('see the collection rate of every building in the community', async () => {
    live.actAs('demo-staff-hefeng')
    const page = open('subpackages/fees/rates/index', { communityId: 'c-hefeng' })
    await waitForText(page, '继光花苑 3号楼')
    expect(page.dom!.textContent).toMatch(/已缴 \d+\/11 户（免缴 1 户）/)
    expect(page.dom!.textContent).toContain('未设置收费标准')
    await tap(page, '.building', '.van-cell')
    expect(wx()['navigateTo']).toHaveBeenCalledWith({
      url: expect.stringMatching(/^\/subpackages\/fees\/account\/index\?buildingId=b-jiguang-/),
    })
  })
})

describe('the receipt image', () => {
  const receipt = {
    id: 'fr_1',
    number: 'JG3-2026-0042',
    buildingId: 'b-jiguang-3',
    householdId: 'h-jiguang-3-301',
    room: '301',
    periods: [
      { key: '2026-10', label: '2026年10月' },
      { key: '2026-11', label: '2026年11月' },
    ],
    amountFen: 6000,
    method: 'cash' as const,
    methodLabel: '现金',
    paidOn: '2026-11-20',
    recordedAt: '2026-11-20T02:00:00.000Z',
    voided: null,
    buildingName: '继光花苑 3号楼',
    communityName: '鹤峰社区',
    canVoid: false,
  }

  it('writes amounts in capitals as receipts do', () => {
    expect(chineseAmount(3000)).toBe('叁拾元整')
    expect(chineseAmount(6050)).toBe('陆拾元伍角')
    expect(chineseAmount(100005)).toBe('壹仟元零伍分')
    expect(chineseAmount(10010000)).toBe('壹拾万零壹佰元整')
    expect(chineseAmount(1)).toBe('壹分')
  })

  it('draws every field, and the 作废 stamp on a voided receipt', () => {
    const { ctx, texts } = recordingCanvas()
    drawReceipt(ctx, receiptContent(receipt), 300, 410)
    expect(texts).toEqual(
      expect.arrayContaining([
        '楼栋管理费收据',
        '鹤峰社区 继光花苑 3号楼',
        'No. JG3-2026-0042',
        '¥60.00',
        '陆拾元整',
        '2026-11-20 10:00',
      ]),
    )
    expect(texts.join('')).toContain('2026年10月、2026年11月')
    expect(texts).not.toContain('作废')

    const voided = recordingCanvas()
    drawReceipt(
      voided.ctx,
      receiptContent({ ...receipt, voided: { reason: '重复登记', at: '2026-11-21T00:00:00Z' } }),
      300,
      410,
    )
    expect(voided.texts).toEqual(expect.arrayContaining(['作废', '作废：重复登记']))
    expect(voided.ctx.rotate).toHaveBeenCalled()
  })
})
