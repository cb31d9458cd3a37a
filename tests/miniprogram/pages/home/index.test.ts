import { render, settle } from '../../support/miniprogram'

const wx = () => (globalThis as unknown as { wx: Record<string, jest.Mock> }).wx

describe('首页', () => {
  it('introduces every module and opens its tab when tapped', async () => {
    const page = render('pages/home/index')
    const text = page.dom!.textContent ?? ''
    for (const title of ['提建议', '睦邻楼道', '近邻志愿', '楼栋管理费'])
      expect(text).toContain(title)

    page.querySelector('.module-corridor')!.querySelector('.van-cell')!.dispatchEvent('tap')
    await settle()
    expect(wx()['switchTab']).toHaveBeenCalledWith({ url: '/pages/corridor/index' })
  })

  it('shares the home page', () => {
    const page = render('pages/home/index')
    const share = (
      page.instance as unknown as { onShareAppMessage(): { path: string } }
    ).onShareAppMessage()
    expect(share.path).toBe('/pages/home/index')
  })
})
