/** 提建议 pages against the real functions and the demo data: one matter from submission to confirmation. */
import { render, settle, type Rendered } from '../../support/miniprogram'
import { BIG_BUILDING, seedBigBuilding } from '../../support/bigBuilding'
import { startLiveCloud, until, waitForText, type LiveCloud } from '../../support/liveCloud'

let live: LiveCloud
beforeAll(async () => {
  live = await startLiveCloud()
}, 30_000)
afterAll(() => live.cloud.cloud.close())

const wx = () => (globalThis as unknown as { wx: Record<string, jest.Mock> }).wx
const STAFF = 'demo-staff-hefeng'
const HEAD = 'demo-head-jiguang-3'
const RESIDENT = 'demo-resident-huang'

type Page = Rendered & { instance: Record<string, (...args: any[]) => any> }

function open(path: string): Page {
  return render(path) as Page
}

function tapButton(page: Rendered, selector: string): void {
  const host = page.querySelector(selector)
  if (!host) throw new Error(`no ${selector} on the page`)
  host.querySelector('.van-button')!.dispatchEvent('tap')
}

let matterId = ''

describe('提建议', () => {
  it('shows a resident their matters and the way to raise another', async () => {
    live.actAs(RESIDENT)
    const page = open('pages/suggestions/index')
    page.instance.onShow()
    await waitForText(page, '三楼楼梯扶手松动')
    expect(page.dom!.textContent).toContain('我要提建议')
    expect(page.dom!.textContent).toContain('待确认')
    // A resident has no work queue.
    expect(page.querySelector('.open-board')).toBeFalsy()
  })

  it('lets a resident submit with a photo, which is uploaded only on submitting', async () => {
    live.actAs(RESIDENT)
    const page = open('subpackages/suggestions/submit/index')
    void page.instance.onLoad({})
    await waitForText(page, '与我家楼栋有关')
    expect(page.dom!.textContent).toContain('继光花苑 3号楼')

    tapButton(page, '.submit')
    await settle()
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '请选择建议的类别' }),
    )

    page.querySelector('.category-repair')!.dispatchEvent('tap')
    page.instance.setData({ title: '楼道灯不亮', description: '三楼到四楼的灯坏了一个星期。' })
    page.instance.addPhotos()
    await until(() => page.querySelectorAll('.photo-image').length === 1, 'the photo thumbnail')
    expect(
      (wx()['cloud'] as unknown as { uploadFile: jest.Mock }).uploadFile,
    ).not.toHaveBeenCalled()

    tapButton(page, '.submit')
    await until(() => wx()['redirectTo']!.mock.calls.length > 0, 'the redirect to the detail')
    const url = String(wx()['redirectTo']!.mock.calls[0][0].url)
    expect(url).toMatch(/^\/subpackages\/suggestions\/detail\/index\?id=sg_/)
    matterId = url.split('id=')[1]!
    const stored = live.cloud.cloud.store.find('suggestions', {
      filter: { _id: matterId },
    })[0] as any
    expect(stored).toMatchObject({ category: 'repair', buildingId: 'b-jiguang-3', showName: false })
    expect(stored.photos).toEqual([
      expect.stringMatching(/^cloud:\/\/local\.[^/]+\/uploads\/suggestions\//),
    ])
  })

  it('lets staff accept and assign it to the building head', async () => {
    live.actAs(STAFF)
    const page = open('subpackages/suggestions/detail/index')
    void page.instance.onLoad({ id: matterId })
    await waitForText(page, '楼道灯不亮')
    expect(page.dom!.textContent).toContain('黄建华')
    tapButton(page, '.step-accept')
    await settle()
    page.instance.setData({ text: '已收到，今天安排' })
    tapButton(page, '.save')
    await waitForText(page, '已受理')

    tapButton(page, '.step-assign')
    await waitForText(page, '陈建国')
    page.querySelector('.candidate')!.querySelector('.van-cell')!.dispatchEvent('tap')
    await settle()
    tapButton(page, '.save')
    await waitForText(page, '办理中')
    expect(page.dom!.textContent).toContain('楼栋长 陈建国')
  })

  it('puts it in the head’s queue, where the head resolves it', async () => {
    live.actAs(HEAD)
    const queue = open('subpackages/suggestions/queue/index')
    queue.instance.onShow()
    await waitForText(queue, '楼道灯不亮')

    const page = open('subpackages/suggestions/detail/index')
    void page.instance.onLoad({ id: matterId })
    await waitForText(page, '办结')
    tapButton(page, '.step-resolve')
    await settle()
    tapButton(page, '.save')
    await settle()
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '请写下办理结果' }),
    )
    page.instance.setData({ text: '已更换灯泡' })
    tapButton(page, '.save')
    await waitForText(page, '待确认')
  })

  it('lets the resident confirm with a satisfaction score, and shows it on the wall masked', async () => {
    live.actAs(RESIDENT)
    const page = open('subpackages/suggestions/detail/index')
    void page.instance.onLoad({ id: matterId })
    await waitForText(page, '已解决，确认')
    expect(page.dom!.textContent).toContain('已更换灯泡')
    tapButton(page, '.step-confirm')
    await settle()
    page.instance.setData({ satisfaction: 5, text: '谢谢楼长' })
    tapButton(page, '.save')
    await waitForText(page, '已完结')
    expect(page.dom!.textContent).toContain('满意度 5 星：谢谢楼长')

    live.actAs('demo-head-jiguang-3')
    const tab = open('pages/suggestions/index')
    tab.instance.onShow()
    await waitForText(tab, '我的办理')
    tab.querySelector('.tab-wall')!.dispatchEvent('tap')
    await waitForText(tab, '办理结果：已更换灯泡')
    expect(tab.dom!.textContent).toContain('黄** 提出')
    expect(tab.dom!.textContent).not.toContain('黄建华')
  })

  it('gives staff a board they can filter, and the month’s statistics', async () => {
    live.actAs(STAFF)
    const board = open('subpackages/suggestions/board/index')
    void board.instance.onLoad({ communityId: 'c-hefeng' })
    const all = live.cloud.cloud.store.count('suggestions', { communityId: 'c-hefeng' })
    await waitForText(board, `共 ${all} 条`)
    board.querySelector('.category-repair')!.dispatchEvent('tap')
    const repairs = live.cloud.cloud.store.count('suggestions', { category: 'repair' })
    await waitForText(board, `共 ${repairs} 条`)
    expect(board.dom!.textContent).toContain('楼道灯不亮')
    expect(board.dom!.textContent).not.toContain('花坛杂草太多')
    board.querySelector('.status-closed')!.dispatchEvent('tap')
    await waitForText(board, '共 2 条')
    board.querySelector('.overdue')!.dispatchEvent('tap')
    await waitForText(board, '没有符合条件的事项')

    const stats = open('subpackages/suggestions/stats/index')
    void stats.instance.onLoad({ communityId: 'c-hefeng' })
    await waitForText(stats, '本月提交')
    const thisMonth = live.cloud.cloud.store.count('suggestions', {
      month: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7),
    })
    expect(stats.querySelector('.total')!.dom!.textContent).toContain(`${thisMonth} 条`)
    expect(stats.querySelector('.first-response')!.dom!.textContent).not.toContain('暂无')
  })

  it('lets the head file for a resident without a phone, choosing the room', async () => {
    live.actAs(HEAD)
    const page = open('subpackages/suggestions/submit/index')
    void page.instance.onLoad({ onBehalf: '1', buildingId: 'b-jiguang-3' })
    await waitForText(page, '代居民提交')
    const room = page.querySelectorAll('.room').find((r) => r.dom!.textContent === '502')!
    room.dispatchEvent('tap')
    page.querySelector('.category-safety')!.dispatchEvent('tap')
    page.instance.setData({
      title: '楼道堆放纸箱',
      description: '五楼楼道堆满纸箱，挡住消防通道。',
      residentName: '王奶奶',
    })
    page.instance.setData({ photos: [] })
    tapButton(page, '.submit')
    await until(() => wx()['redirectTo']!.mock.calls.length > 0, 'the redirect')
    const id = String(wx()['redirectTo']!.mock.calls[0][0].url).split('id=')[1]!
    const stored = live.cloud.cloud.store.find('suggestions', { filter: { _id: id } })[0] as any
    expect(stored).toMatchObject({
      reporterName: '王奶奶',
      onBehalf: { room: '502' },
      ownerOpenid: HEAD,
    })
  })
})

describe('paging', () => {
  it('loads the next page of the board when asked, without repeating or skipping', async () => {
    const docs = live.cloud.cloud.store.find('suggestions', { filter: { communityId: 'c-hefeng' } })
    const template = docs[0] as Record<string, unknown>
    await live.cloud.db.collection('suggestions').add({
      data: Array.from({ length: 30 }, (_, i) => ({
        ...template,
        _id: `sg-page-${String(i).padStart(2, '0')}`,
        title: `翻页事项 ${i}`,
        createdAt: new Date(Date.now() - (i + 1) * 60_000),
      })),
    })
    const total = live.cloud.cloud.store.count('suggestions', { communityId: 'c-hefeng' })
    live.actAs(STAFF)
    const board = open('subpackages/suggestions/board/index')
    void board.instance.onLoad({ communityId: 'c-hefeng' })
    await waitForText(board, `共 ${total} 条`)
    expect(board.querySelectorAll('.board-item')).toHaveLength(20)
    tapButton(board, '.more-button')
    await until(
      () => board.querySelectorAll('.board-item').length === Math.min(total, 40),
      'page 2',
    )
    const ids = (board.instance.data as { items: Array<{ id: string }> }).items.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('filing for a resident of a building of more than 200 (a page of rooms is 200)', () => {
  it('offers every room', async () => {
    seedBigBuilding(live.cloud.cloud.store)
    live.actAs(BIG_BUILDING.head)
    const page = open('subpackages/suggestions/submit/index')
    void page.instance.onLoad({ onBehalf: '1', buildingId: BIG_BUILDING.id })
    await waitForText(page, '代居民提交')
    await until(() => page.querySelectorAll('.room').length > 0, 'the rooms')
    expect(page.querySelectorAll('.room')).toHaveLength(230)
    expect(page.querySelectorAll('.room').some((r) => r.dom!.textContent === '2305')).toBe(true)
  })
})
