/** 我的 with the demo data, through the real community function. */
import { render } from '../../support/miniprogram'
import { startLiveCloud, waitForText, type LiveCloud } from '../../support/liveCloud'

let live: LiveCloud

const showPage = (page: ReturnType<typeof render>) =>
  (page.instance as unknown as { onShow(): void }).onShow()
beforeAll(async () => {
  live = await startLiveCloud()
}, 30_000)
afterAll(() => live.cloud.cloud.close())

describe('我的 with the demo data', () => {
  it('shows a resident their household, approved', async () => {
    live.actAs('demo-resident-huang')
    const page = render('pages/me/index')
    showPage(page)
    await waitForText(page, '鹤峰社区 继光花苑 3号楼 301')
    expect(page.dom!.textContent).toContain('已绑定')
    expect(page.dom!.textContent).not.toContain('楼栋管理 ·')
  })

  it('shows a pending request as waiting for the head', async () => {
    live.actAs('demo-resident-li')
    const page = render('pages/me/index')
    showPage(page)
    await waitForText(page, '3号楼 502')
    expect(page.dom!.textContent).toContain('待楼栋长审核')
  })

  it('offers the head the management of their building', async () => {
    live.actAs('demo-head-jiguang-3')
    const page = render('pages/me/index')
    showPage(page)
    await waitForText(page, '楼栋管理 · 继光花苑 3号楼')
    page.querySelector('.manage-building')!.querySelector('.van-cell')!.dispatchEvent('tap')
    await waitForText(page, '楼栋管理')
    const wx = (globalThis as unknown as { wx: { navigateTo: jest.Mock } }).wx
    expect(wx.navigateTo).toHaveBeenCalledWith({
      url: '/subpackages/community/building/index?buildingId=b-jiguang-3',
    })
  })

  it('offers staff the management of their community', async () => {
    live.actAs('demo-staff-hefeng')
    const page = render('pages/me/index')
    showPage(page)
    await waitForText(page, '社区管理 · 鹤峰社区')
  })
})
