/**
 * Raise a matter: what kind, what happened, photos, where. Photos stay on the phone until the
 * person has agreed to the privacy notice and taps 提交. A grid worker, head or staff member opens
 * it with `?onBehalf=1&buildingId=` to file for a resident without a phone.
 */
import type { SuggestionCategory } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { photoPicker } from '../../../behaviors/photoPicker'
import { community, myCommunityId } from '../../../services/community'
import { allHouseholds } from '../../../services/households'
import { askForNotices } from '../../../services/subscribe'
import { suggestions } from '../../../services/suggestions'
import { uploadPhotos } from '../../../services/upload'
import { messageOf, showError } from '../../../utils/feedback'
import { newRequestId } from '../../../utils/requestId'
import { CATEGORY_OPTIONS } from '../../../utils/suggestionWords'

Component({
  behaviors: [pageBehavior, photoPicker],
  data: {
    loading: true,
    error: '',
    categories: CATEGORY_OPTIONS,
    category: '' as SuggestionCategory | '',
    title: '',
    description: '',
    place: '',
    photos: [] as string[],
    maxPhotos: 9,
    showName: false,
    communityId: '',
    /** The home building the matter may concern, and whether it does. */
    home: null as { buildingId: string; address: string } | null,
    aboutHome: true,
    /** Filing for a resident without a phone. */
    onBehalf: false,
    buildingId: '',
    rooms: [] as Array<{ id: string; room: string }>,
    householdId: '',
    residentName: '',
    privacyAgreed: false,
    showConsent: false,
    submitting: false,
    requestId: newRequestId(),
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const onBehalf = query['onBehalf'] === '1' && Boolean(query['buildingId'])
      this.setData({ onBehalf, buildingId: query['buildingId'] ?? '' })
      try {
        const me = await community.me()
        const home = me.bindings.find((b) => b.status === 'approved')
        let communityId = query['communityId'] ?? myCommunityId(me)
        if (onBehalf) {
          const role = me.roles.find((r) => r.buildingId === query['buildingId'])
          communityId = role?.communityId ?? me.can.stationOf[0] ?? communityId
          const households = await allHouseholds(this.data.buildingId)
          this.setData({ rooms: households.map((h) => ({ id: h.id, room: h.room })) })
        }
        this.setData({
          loading: false,
          communityId,
          privacyAgreed: me.privacyAgreed,
          home: home
            ? { buildingId: home.buildingId, address: home.address.replace(/\s\S+$/, '') }
            : null,
        })
        if (!communityId) {
          this.setData({ error: '请先绑定房屋，再向所在社区提建议' })
        }
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    pickCategory(event: WechatMiniprogram.CustomEvent) {
      this.setData({ category: event.currentTarget.dataset['key'] as SuggestionCategory })
    },

    pickRoom(event: WechatMiniprogram.CustomEvent) {
      this.setData({ householdId: String(event.currentTarget.dataset['id'] ?? '') })
    },

    onField(event: WechatMiniprogram.CustomEvent) {
      const field = String(event.currentTarget.dataset['field'])
      this.setData({ [field]: String(event.detail ?? '') })
    },

    onSwitch(event: WechatMiniprogram.CustomEvent) {
      const field = String(event.currentTarget.dataset['field'])
      this.setData({ [field]: Boolean(event.detail) })
    },

    /** What is missing, in words, or '' when the form can be sent. */
    problem(): string {
      const d = this.data
      if (!d.category) return '请选择建议的类别'
      if (!d.title.trim()) return '请填写标题'
      if (!d.description.trim()) return '请说说具体情况'
      if (d.onBehalf && !d.householdId) return '请选择居民的房号'
      if (d.onBehalf && !d.residentName.trim()) return '请填写居民的称呼'
      return ''
    },

    submit() {
      if (this.data.submitting) return
      const problem = this.problem()
      if (problem) {
        wx.showToast({ title: problem, icon: 'none' })
        return
      }
      // Straight from the tap, as WeChat requires: may we tell you when it is answered?
      void askForNotices(['suggestionProgress', 'suggestionResolved']).then(() => {
        if (this.data.privacyAgreed) void this.send()
        else this.setData({ showConsent: true })
      })
    },

    async onConsentAgreed() {
      this.setData({ showConsent: false, privacyAgreed: true })
      await this.send()
    },

    onConsentCancel() {
      this.setData({ showConsent: false })
      wx.showToast({ title: '同意隐私保护指引后才能提交', icon: 'none' })
    },

    async send() {
      const d = this.data
      this.setData({ submitting: true })
      wx.showLoading({ title: d.photos.length ? '正在上传照片…' : '正在提交…', mask: true })
      try {
        const photos = await uploadPhotos('suggestions', d.photos)
        const buildingId = d.onBehalf
          ? d.buildingId
          : d.home && d.aboutHome
            ? d.home.buildingId
            : ''
        const place = d.place.trim()
        const result = await suggestions.submit({
          communityId: d.communityId,
          category: d.category as SuggestionCategory,
          title: d.title.trim(),
          description: d.description.trim(),
          ...(photos.length ? { photos } : {}),
          ...(buildingId ? { buildingId } : {}),
          ...(place ? { place } : {}),
          showName: d.showName,
          ...(d.onBehalf
            ? { onBehalf: { householdId: d.householdId, residentName: d.residentName.trim() } }
            : {}),
          requestId: d.requestId,
        })
        wx.hideLoading()
        wx.showToast({ title: '已提交，社区会尽快受理', icon: 'success' })
        wx.redirectTo({ url: `/subpackages/suggestions/detail/index?id=${result.id}` })
      } catch (error) {
        wx.hideLoading()
        showError(error)
        this.setData({ requestId: newRequestId() })
      } finally {
        this.setData({ submitting: false })
      }
    },
  },
})
