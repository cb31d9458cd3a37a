import type { Cloud } from '../../../cloudfunctions/shared/cloud'
import { sendSubscribeMessage } from '../../../cloudfunctions/shared/notify'

function cloudSending(send: (params: Record<string, unknown>) => Promise<unknown>): Cloud {
  return { sdk: { openapi: { subscribeMessage: { send } } } } as unknown as Cloud
}
const message = {
  touser: 'oResident',
  template: 'suggestionResolved' as const,
  page: 'subpackages/suggestions/detail/index?id=1',
  data: { thing1: '三号楼楼道的灯坏了一个多星期，晚上看不清台阶', time3: '2026-11-26 10:00' },
}
const env = { JINLIN_TEMPLATE_SUGGESTION_RESOLVED: 'TPL-resolved' }

describe('subscribe messages', () => {
  it('sends with the configured template, shortening text to what WeChat accepts', async () => {
    const send = jest.fn().mockResolvedValue({ errCode: 0 })
    expect(await sendSubscribeMessage(cloudSending(send), message, env)).toBe('sent')
    expect(send).toHaveBeenCalledWith({
      touser: 'oResident',
      templateId: 'TPL-resolved',
      page: message.page,
      data: {
        thing1: { value: '三号楼楼道的灯坏了一个多星期，晚上看不…' },
        time3: { value: '2026-11-26 10:00' },
      },
      miniprogramState: 'formal',
    })
  })

  it('sends nothing when the template is not configured', async () => {
    const send = jest.fn()
    expect(await sendSubscribeMessage(cloudSending(send), message, {})).toBe('no-template')
    expect(send).not.toHaveBeenCalled()
  })

  it('never fails the action: a user who did not allow it, or any WeChat error, is only reported', async () => {
    const refused = jest
      .fn()
      .mockRejectedValue({ errCode: 43101, errMsg: 'user refuse to accept the msg' })
    expect(await sendSubscribeMessage(cloudSending(refused), message, env)).toBe('not-granted')
    const broken = jest.fn().mockRejectedValue({ errCode: 47003, errMsg: 'argument invalid' })
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await sendSubscribeMessage(cloudSending(broken), message, env)).toBe('failed')
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })
})
