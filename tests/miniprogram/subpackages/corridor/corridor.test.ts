/** 睦邻楼道 pages against the real functions and the demo data. */
import { render, settle } from '../../support/miniprogram'
import { startLiveCloud, until, waitForText, type LiveCloud } from '../../support/liveCloud'

let live: LiveCloud
beforeAll(async () => {
  live = await startLiveCloud()
}, 30_000)
afterAll(() => live.cloud.cloud.close())

const wx = () => (globalThis as unknown as { wx: Record<string, jest.Mock> }).wx

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
    ;(rate.instance as unknown as { addPhotos(): Promise<void> }).addPhotos()
    await until(
      () => rate.querySelectorAll('.photo-image').length === 1,
      'the photo thumbnail',
      3000,
    )
    rate.querySelector('.submit')!.querySelector('.van-button')!.dispatchEvent('tap')
    await until(() => wx()['navigateBack']!.mock.calls.length > 0, 'the way back', 3000)
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '感谢您的评价' }),
    )

    const page = render('pages/corridor/index')
    ;(page.instance as unknown as { onShow(): void }).onShow()
    await waitForText(page, '4.6 星')
    expect(page.dom!.textContent).toContain('本月 1 / 12 户已评价')
    expect(page.dom!.textContent).toContain('二楼楼梯扶手松了')
    expect(page.dom!.textContent).toContain('301 室')
    const [rating] = live.cloud.cloud.store.find('corridorRatings', {
      filter: {
        householdId: 'h-jiguang-3-301',
        month: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7),
      },
    }) as Array<{ photos: string[] }>
    expect(rating!.photos).toEqual([
      expect.stringMatching(/^cloud:\/\/local\.[^/]+\/uploads\/ratings\//),
    ])
    expect(page.querySelectorAll('.comment-photo')).toHaveLength(1)
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

  it('lets the head turn a low 安全畅通 score into a suggestion in one tap', async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)
    const rated = (await live.cloud.cloud.callFunction(
      'ratings',
      {
        action: 'submitRating',
        buildingId: 'b-jiguang-3',
        month,
        scores: { cleanliness: 4, safety: 1, facilities: 4, culture: 4, harmony: 5 },
        comment: '五楼楼道堆满了纸箱',
        requestId: 'req-corridor-safety-1',
      },
      'demo-head-jiguang-3',
    )) as { ok: boolean }
    expect(rated.ok).toBe(true)
    live.actAs('demo-head-jiguang-3')
    const page = render('pages/corridor/index')
    ;(page.instance as unknown as { onShow(): void }).onShow()
    await waitForText(page, '转为建议办理')
    wx()['showModal']!.mockImplementation((options: { success(a: unknown): void }) =>
      options.success({ confirm: true }),
    )
    page.querySelector('.safety-to-suggestion')!.querySelector('.van-button')!.dispatchEvent('tap')
    await until(() => wx()['navigateTo']!.mock.calls.length > 0, 'the navigation', 3000)
    expect(String(wx()['navigateTo']!.mock.calls[0][0].url)).toMatch(
      /^\/subpackages\/suggestions\/detail\/index\?id=sg_/,
    )
    const [matter] = live.cloud.cloud.store.find('suggestions', {
      filter: { category: 'safety', buildingId: 'b-jiguang-3' },
    }) as Array<{ title: string; description: string; ownerOpenid: string }>
    expect(matter).toMatchObject({ title: '鹤峰社区 继光花苑 3号楼楼道安全畅通待改进' })
    expect(matter!.description).toContain('101：五楼楼道堆满了纸箱')
  })

  it('offers residents no such button', async () => {
    live.actAs('demo-resident-huang')
    const page = render('pages/corridor/index')
    ;(page.instance as unknown as { onShow(): void }).onShow()
    await waitForText(page, '近 12 个月')
    expect(page.querySelector('.safety-to-suggestion')).toBeFalsy()
  })
})
