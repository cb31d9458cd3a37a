/**
 * One matter: what was raised, where it stands, every step so far, and the steps the viewer may
 * take now (exactly those the server lists in `can`).
 */
import type { HandlerCandidate, SuggestionDetail, TimelineEntry } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { photoPicker } from '../../../behaviors/photoPicker'
import { askForNotices } from '../../../services/subscribe'
import { suggestions } from '../../../services/suggestions'
import { photoSrc, uploadPhotos } from '../../../services/upload'
import { messageOf, showError } from '../../../utils/feedback'
import { HANDLER_ROLE_WORDS, toListItem } from '../../../utils/suggestionWords'
import { formatBeijing } from '../../../utils/time'

type Step = SuggestionDetail['can'][number]

const STEP_LABELS: Record<Step, string> = {
  accept: '受理',
  assign: '派发',
  resolve: '办结',
  confirm: '已解决，确认',
  reopen: '没解决',
  reject: '不予受理',
  merge: '合并到其他建议',
}

const KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  submitted: '提交了建议',
  accepted: '受理',
  assigned: '派发',
  resolved: '办结',
  confirmed: '确认已解决',
  reopened: '反馈没有解决',
  rejected: '不予受理',
  merged: '合并办理',
  autoClosed: '自动完结',
}

function view(detail: SuggestionDetail) {
  return {
    ...detail,
    ...toListItem(detail),
    handlerText: detail.handler
      ? `${HANDLER_ROLE_WORDS[detail.handler.role]} ${detail.handler.name}`
      : '',
    photoSrcs: detail.photos.map(photoSrc),
    steps: detail.can.map((key) => ({ key, label: STEP_LABELS[key] })),
    entries: detail.timeline.map((entry) => ({
      ...entry,
      timeText: formatBeijing(entry.at),
      what: KIND_LABELS[entry.kind],
      photoSrcs: (entry.photos ?? []).map(photoSrc),
    })),
  }
}

Component({
  behaviors: [pageBehavior, photoPicker],
  data: {
    id: '',
    loading: true,
    error: '',
    detail: null as ReturnType<typeof view> | null,
    /** The step whose form is open. */
    open: '' as Step | '',
    text: '',
    satisfaction: 0,
    handlers: [] as Array<HandlerCandidate & { roleText: string }>,
    handlerOpenid: '',
    dueDate: '',
    today: '',
    intoId: '',
    photos: [] as string[],
    maxPhotos: 9,
    saving: false,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query['id'] ?? '', today: formatBeijing(new Date(), 'YYYY-MM-DD') })
      await this.load()
    },

    async load() {
      this.setData({ loading: this.data.detail === null, error: '' })
      try {
        this.setData({ detail: view(await suggestions.detail(this.data.id)), loading: false })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async openStep(event: WechatMiniprogram.CustomEvent) {
      const step = event.currentTarget.dataset['key'] as Step
      this.setData({
        open: step,
        text: '',
        satisfaction: 0,
        photos: [],
        intoId: '',
        handlerOpenid: '',
      })
      if (step === 'assign') {
        this.setData({ dueDate: formatBeijing(Date.now() + 3 * 86_400_000, 'YYYY-MM-DD') })
        try {
          const handlers = await suggestions.handlers(this.data.id)
          this.setData({
            handlers: handlers.map((h) => ({ ...h, roleText: HANDLER_ROLE_WORDS[h.role] })),
          })
        } catch (error) {
          showError(error)
        }
      }
    },

    closeStep() {
      this.setData({ open: '' })
    },

    onText(event: WechatMiniprogram.CustomEvent) {
      this.setData({ text: String(event.detail ?? '') })
    },

    onIntoId(event: WechatMiniprogram.CustomEvent) {
      this.setData({ intoId: String(event.detail ?? '').trim() })
    },

    onSatisfaction(event: WechatMiniprogram.CustomEvent) {
      this.setData({ satisfaction: Number(event.detail) })
    },

    pickHandler(event: WechatMiniprogram.CustomEvent) {
      this.setData({ handlerOpenid: String(event.currentTarget.dataset['openid'] ?? '') })
    },

    onDueDate(event: WechatMiniprogram.CustomEvent) {
      this.setData({ dueDate: String((event.detail as { value?: string }).value ?? '') })
    },

    problem(): string {
      const d = this.data
      const text = d.text.trim()
      if (['accept', 'resolve', 'reopen', 'reject'].includes(d.open) && !text) {
        return d.open === 'resolve' ? '请写下办理结果' : '请写下回复或原因'
      }
      if (d.open === 'assign' && !d.handlerOpenid) return '请选择办理人'
      if (d.open === 'confirm' && d.satisfaction < 1) return '请给办理结果打个分'
      if (d.open === 'merge' && !d.intoId) return '请填写要合并到的建议编号'
      return ''
    },

    save() {
      if (this.data.saving || !this.data.open) return
      const problem = this.problem()
      if (problem) {
        wx.showToast({ title: problem, icon: 'none' })
        return
      }
      // A handler who resolves will be assigned again: may we tell them next time?
      const ask =
        this.data.open === 'resolve'
          ? askForNotices(['suggestionAssigned'])
          : this.data.open === 'reopen'
            ? askForNotices(['suggestionResolved'])
            : Promise.resolve()
      void ask.then(() => this.send())
    },

    async send() {
      const d = this.data
      const id = d.id
      const text = d.text.trim()
      this.setData({ saving: true })
      try {
        let detail: SuggestionDetail
        switch (d.open) {
          case 'accept':
            detail = await suggestions.accept({ id, reply: text })
            break
          case 'assign':
            detail = await suggestions.assign({
              id,
              handlerOpenid: d.handlerOpenid,
              dueDate: d.dueDate,
              ...(text ? { note: text } : {}),
            })
            break
          case 'resolve': {
            const photos = await uploadPhotos('suggestions', d.photos)
            detail = await suggestions.resolve({
              id,
              reply: text,
              ...(photos.length ? { photos } : {}),
            })
            break
          }
          case 'confirm':
            detail = await suggestions.confirm({
              id,
              satisfaction: d.satisfaction,
              ...(text ? { comment: text } : {}),
            })
            break
          case 'reopen':
            detail = await suggestions.reopen({ id, reason: text })
            break
          case 'reject':
            detail = await suggestions.reject({ id, reason: text })
            break
          default:
            detail = await suggestions.merge({
              id,
              intoId: d.intoId,
              ...(text ? { note: text } : {}),
            })
        }
        wx.showToast({ title: '已保存', icon: 'success' })
        this.setData({ detail: view(detail), open: '' })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ saving: false })
      }
    },

    preview(event: WechatMiniprogram.CustomEvent) {
      const urls = (event.currentTarget.dataset['urls'] as string[]) ?? []
      wx.previewImage({ urls, current: String(event.currentTarget.dataset['src'] ?? '') })
    },
  },
})
