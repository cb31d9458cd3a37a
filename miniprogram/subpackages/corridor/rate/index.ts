/** Rate this month's corridor on the five dimensions of the 五星楼道 standard, with an optional word. */
import { pageBehavior } from '../../../behaviors/page'
import { photoPicker } from '../../../behaviors/photoPicker'
import { ratings } from '../../../services/ratings'
import { uploadPhotos } from '../../../services/upload'
import { messageOf, showError } from '../../../utils/feedback'
import { newRequestId } from '../../../utils/requestId'
import { monthOf } from '../../../utils/time'

Component({
  behaviors: [pageBehavior, photoPicker],
  data: {
    buildingId: '',
    loading: true,
    error: '',
    /** The community's dimensions, from the building's summary. */
    dimensions: [] as Array<{ key: string; label: string; value: number }>,
    comment: '',
    /** Chosen on the phone; uploaded only when the rating is sent. */
    photos: [] as string[],
    maxPhotos: 3,
    submitting: false,
    requestId: newRequestId(),
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const buildingId = query['buildingId'] ?? ''
      this.setData({ buildingId })
      try {
        const summary = await ratings.buildingSummary(buildingId)
        this.setData({
          loading: false,
          dimensions: summary.dimensions.map((d) => ({ ...d, value: 0 })),
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    onRate(event: WechatMiniprogram.CustomEvent) {
      const index = Number(event.currentTarget.dataset['index'])
      this.setData({ [`dimensions[${index}].value`]: Number(event.detail) })
    },

    onComment(event: WechatMiniprogram.CustomEvent) {
      this.setData({ comment: String(event.detail ?? '') })
    },

    async submit() {
      if (this.data.submitting) return
      const missing = this.data.dimensions.find((d) => d.value < 1)
      if (missing) {
        wx.showToast({ title: `请给“${missing.label}”打分`, icon: 'none' })
        return
      }
      this.setData({ submitting: true })
      try {
        const scores: Record<string, number> = {}
        for (const d of this.data.dimensions) scores[d.key] = d.value
        const comment = this.data.comment.trim()
        const photos = await uploadPhotos('ratings', this.data.photos)
        const result = await ratings.submitRating({
          buildingId: this.data.buildingId,
          month: monthOf(new Date()),
          scores: scores as unknown as Parameters<typeof ratings.submitRating>[0]['scores'],
          ...(comment ? { comment } : {}),
          ...(photos.length ? { photos } : {}),
          requestId: this.data.requestId,
        })
        wx.showToast({
          title: result.replaced ? '已更新本月评价' : '感谢您的评价',
          icon: 'success',
        })
        wx.navigateBack({ delta: 1 })
      } catch (error) {
        showError(error)
        // A new attempt after a refusal is a new request.
        this.setData({ requestId: newRequestId() })
      } finally {
        this.setData({ submitting: false })
      }
    },
  },
})
