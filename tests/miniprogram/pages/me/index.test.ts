import { render, settle } from '../../support/miniprogram'

const wxStub = () =>
  (
    globalThis as unknown as {
      wx: Record<string, jest.Mock> & { cloud: { callFunction: jest.Mock } }
    }
  ).wx

describe('我的 page', () => {
  it('turns large type on when the 大字模式 switch is tapped, and remembers it', async () => {
    const page = render('pages/me/index')
    const root = page.querySelector('.jl-page')!
    expect(root.dom!.className).not.toContain('jl-large')

    // Vant's switch listens on its inner node.
    const switchNode = page.querySelector('.large-text-switch')!.querySelector('.van-switch')!
    switchNode.dispatchEvent('tap')
    await settle()

    expect(root.dom!.className).toContain('jl-large')
    expect(wxStub()['setStorageSync']).toHaveBeenCalledWith('jl.largeText', true)
    expect(wxStub()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已开启大字模式' }),
    )

    // Another page opened later starts in large type.
    const home = render('pages/home/index')
    expect(home.querySelector('.jl-page')!.dom!.className).toContain('jl-large')
  })

  it('checks the service connection and shows the server time in Beijing time', async () => {
    wxStub().cloud.callFunction.mockResolvedValue({
      result: {
        ok: true,
        data: {
          openid: 'o1',
          serverTime: '2026-11-26T06:20:51.000Z',
          serverTimeShanghai: '2026-11-26 14:20:51',
        },
      },
    })
    const page = render('pages/me/index')
    page.querySelector('.check-service')!.querySelector('.van-button')!.dispatchEvent('tap')
    await settle()

    expect(wxStub().cloud.callFunction).toHaveBeenCalledWith({
      name: 'health',
      data: { action: 'ping' },
    })
    expect(page.dom!.textContent).toContain('连接正常 · 服务器时间 11-26 14:20:51')
  })

  it('shows the server’s Chinese message when the check fails', async () => {
    wxStub().cloud.callFunction.mockResolvedValue({
      result: { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } },
    })
    const page = render('pages/me/index')
    page.querySelector('.check-service')!.querySelector('.van-button')!.dispatchEvent('tap')
    await settle()

    expect(page.dom!.textContent).toContain('系统繁忙，请稍后再试')
    expect(page.dom!.textContent).toContain('再查一次')
  })

  it('says the network is down when the call itself fails', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    wxStub().cloud.callFunction.mockRejectedValue(new Error('cloud.callFunction:fail timeout'))
    const page = render('pages/me/index')
    page.querySelector('.check-service')!.querySelector('.van-button')!.dispatchEvent('tap')
    await settle()

    expect(page.dom!.textContent).toContain('网络不给力，请检查网络后再试')
  })
})
