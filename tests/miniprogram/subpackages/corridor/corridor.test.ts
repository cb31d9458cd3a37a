/** 睦邻楼道 pages against the real functions and the demo data. */
import { render, settle } from '../../support/miniprogram'
import { startLiveCloud, waitForText, type LiveCloud } from '../../support/liveCloud'

let live: LiveCloud
beforeAll(async () => {
  live = await startLiveCloud()
}, 30_000)
afterAll(() => live.cloud.cloud.close())

const wx = () => (globalThis as unknown as { wx: Record<string, jest.Mock> }).wx

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('睦邻楼道', () => {
  it('asks someone without a household to bind one first', async () => {
    live.actAs('demo-resident-li')
    const page = render('pages/corridor/index')
    ;(page.instance as unknown as { onShow(): void }).onShow()
    await waitForText(page, '可以给自家楼道打分')
  })

  it('lets a resident rate all five dimensions, then shows the month on the building page', async () => {
    live.actAs('demo-resident-huang')
    const rate = render('subpackages/corridor/rate/index')
    void (rate.instance as unknown as { onLoad(q: Record<string, string>): Promise<void> }).onLoad({
      buildingId: 'b-jiguang-3',
    })
    await waitForText(rate, '邻里和睦')
    rate.querySelector('.submit')!.querySelector('.van-button')!.dispatchEvent('tap')
    await settle()
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '请给“整洁卫生”打分' }),
    )

    rate.instance.setData({
      'dimensions[0].value': 5,
      'dimensions[1].value': 4,
      'dimensions[2].value': 5,
      'dimensions[3].value': 4,
      'dimensions[4].value': 5,
      comment: '二楼楼梯扶手松了',
    })
    rate.querySelector('.submit')!.querySelector('.van-button')!.dispatchEvent('tap')
    await until(() => wx()['navigateBack']!.mock.calls.length > 0)
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '感谢您的评价' }),
    )

    const page = render('pages/corridor/index')
    ;(page.instance as unknown as { onShow(): void }).onShow()
    await waitForText(page, '4.6 星')
    expect(page.dom!.textContent).toContain('本月 1 / 12 户已评价')
    expect(page.dom!.textContent).toContain('二楼楼梯扶手松了')
    expect(page.dom!.textContent).toContain('301 室')
  })

  it('shows the head the weak points, which residents do not see', async () => {
    live.actAs('demo-head-jiguang-3')
    const page = render('pages/corridor/index')
    ;(page.instance as unknown as { onShow(): void }).onShow()
    await waitForText(page, '需要改进的地方')
    expect(page.dom!.textContent).toContain('安全畅通')
  })

  it('ranks the community’s buildings', async () => {
    live.actAs('demo-resident-huang')
    const page = render('subpackages/corridor/ranking/index')
    void (page.instance as unknown as { onLoad(q: Record<string, string>): Promise<void> }).onLoad({
      communityId: 'c-hefeng',
    })
    await waitForText(page, '1. 继光花苑 3号楼')
    expect(page.dom!.textContent).toContain('本月暂无评价')
  })
})
