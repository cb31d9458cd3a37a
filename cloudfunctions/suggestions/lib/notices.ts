/** The subscribe messages of the lifecycle (template fields in docs/deploy.md §5). */
import type { Cloud } from '../../shared/cloud'
import { sendSubscribeMessage, type SendOutcome } from '../../shared/notify'
import { formatShanghai } from '../../shared/time'
import type { SuggestionDoc } from './model'
import { whereOf } from './views'

const detailPage = (id: string) => `subpackages/suggestions/detail/index?id=${id}`
const minute = (at: Date) => formatShanghai(at, 'YYYY-MM-DD HH:mm')

/** To whoever follows the matter up: accepted, rejected or merged, with the reply. */
export function noticeProgress(
  cloud: Cloud,
  item: SuggestionDoc,
  state: '已受理' | '未受理' | '已合并',
  reply: string,
  at: Date,
): Promise<SendOutcome> {
  return sendSubscribeMessage(cloud, {
    touser: item.ownerOpenid,
    template: 'suggestionProgress',
    page: detailPage(item._id),
    data: { thing1: item.title, phrase2: state, thing3: reply, time4: minute(at) },
  })
}

export function noticeResolved(
  cloud: Cloud,
  item: SuggestionDoc,
  reply: string,
  at: Date,
): Promise<SendOutcome> {
  return sendSubscribeMessage(cloud, {
    touser: item.ownerOpenid,
    template: 'suggestionResolved',
    page: detailPage(item._id),
    data: { thing1: item.title, thing2: reply, time3: minute(at), thing4: '请在7天内确认是否解决' },
  })
}

export function noticeAssigned(
  cloud: Cloud,
  item: SuggestionDoc,
  handlerOpenid: string,
  dueAt: Date,
): Promise<SendOutcome> {
  return sendSubscribeMessage(cloud, {
    touser: handlerOpenid,
    template: 'suggestionAssigned',
    page: detailPage(item._id),
    data: { thing1: item.title, thing2: whereOf(item) ?? '社区', time3: minute(dueAt) },
  })
}
