/**
 * Photos picked on the phone for a form: `photos` holds their temporary paths, at most
 * `maxPhotos` (the page sets it in its data), and the wxml binds 添加照片 to `addPhotos` and 删除
 * to `removePhoto` with `data-index`. They are uploaded with uploadPhotos when the form is sent.
 */
import { choosePhotos } from '../services/upload'
import { showError } from '../utils/feedback'

export const photoPicker = Behavior({
  data: { photos: [] as unknown[], maxPhotos: 9 },
  methods: {
    async addPhotos() {
      const { photos, maxPhotos } = this.data as { photos: string[]; maxPhotos: number }
      try {
        const chosen = await choosePhotos(maxPhotos - photos.length)
        this.setData({ photos: this.data.photos.concat(chosen).slice(0, maxPhotos) })
      } catch (error) {
        showError(error)
      }
    },

    removePhoto(event: WechatMiniprogram.CustomEvent) {
      const index = Number(event.currentTarget.dataset['index'])
      this.setData({ photos: this.data.photos.filter((_p, i) => i !== index) })
    },
  },
})
