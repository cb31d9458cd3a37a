/**
 * 登记支出 for the head: what the fund paid for, how much, when, with a photo of the receipt
 * (发票、收条). Every household sees it in the open account and can countersign.
 */
import { pageBehavior } from '../../../behaviors/page'
import { photoPicker } from '../../../behaviors/photoPicker'
import { fees } from '../../../services/fees'
import { choosePhotos, photoSrc, uploadPhotos } from '../../../services/upload'
import { showError } from '../../../utils/feedback'
import { parseYuan } from '../../../utils/money'
import { newRequestId } from '../../../utils/requestId'
import { formatBeijing } from '../../../utils/time'

Component({
  behaviors: [pageBehavior, photoPicker],
  data: {
    buildingId: '',
    amountText: '',
    purpose: '',
    spentOn: '',
    today: '',
    note: '',
    /** Uploaded fileIDs and how to show them. */
    photos: [] as Array<{ fileID: string; src: string }>,
    maxPhotos: 3,
    uploading: false,
    saving: false,
    requestId: newRequestId(),
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const today = formatBeijing(new Date(), 'YYYY-MM-DD')
      this.setData({ buildingId: query['buildingId'] ?? '', today, spentOn: today })
    },

    onField(event: WechatMiniprogram.CustomEvent) {
      this.setData({ [String(event.currentTarget.dataset['field'])]: String(event.detail ?? '') })
    },

    onDate(event: WechatMiniprogram.CustomEvent) {
      this.setData({ spentOn: String(event.detail.value) })
    },

    /** In place of photoPicker's: a receipt photo is uploaded as soon as it is picked. */
    async addPhotos() {
      if (this.data.uploading) return
      const room = this.data.maxPhotos - this.data.photos.length
      if (room <= 0) return
      try {
        const chosen = await choosePhotos(room)
        if (chosen.length === 0) return
        this.setData({ uploading: true })
        const fileIds = await uploadPhotos('fees', chosen)
        const uploaded = fileIds.map((fileID) => ({ fileID, src: photoSrc(fileID) }))
        this.setData({ photos: this.data.photos.concat(uploaded) })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ uploading: false })
      }
    },

    async save() {
      if (this.data.saving || this.data.uploading) return
      const amountFen = parseYuan(this.data.amountText)
      if (amountFen === null || amountFen <= 0) {
        wx.showToast({ title: '请填写金额，如 45 或 45.50', icon: 'none' })
        return
      }
      if (!this.data.purpose.trim()) {
        wx.showToast({ title: '请写明用途', icon: 'none' })
        return
      }
      this.setData({ saving: true })
      try {
        const note = this.data.note.trim()
        await fees.recordExpense({
          buildingId: this.data.buildingId,
          amountFen,
          purpose: this.data.purpose.trim(),
          spentOn: this.data.spentOn,
          photos: this.data.photos.map((p) => p.fileID),
          ...(note ? { note } : {}),
          requestId: this.data.requestId,
        })
        wx.showToast({ title: '支出已登记', icon: 'success' })
        wx.navigateBack({ delta: 1 })
      } catch (error) {
        showError(error)
        this.setData({ requestId: newRequestId() })
      } finally {
        this.setData({ saving: false })
      }
    },
  },
})
