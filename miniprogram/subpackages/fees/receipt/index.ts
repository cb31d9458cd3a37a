/**
 * 收据: the receipt's fields, and the receipt drawn as an image the household can save to the
 * album or forward to family. A voided receipt stays, stamped 作废 with the reason. The head may
 * void a receipt here, giving the reason.
 */
import { pageBehavior } from '../../../behaviors/page'
import { fees } from '../../../services/fees'
import { messageOf, showError } from '../../../utils/feedback'
import { newRequestId } from '../../../utils/requestId'
import { drawReceipt, receiptContent, type ReceiptContext, type ReceiptData } from './draw'

/** What the page needs of a 2d canvas node. */
interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): ReceiptContext & { scale(x: number, y: number): void }
}

/** Canvas nodes are not data: kept beside the page instance. */
const canvases = new WeakMap<object, CanvasNode>()

function pixelRatio(): number {
  try {
    return typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo().pixelRatio : 2
  } catch {
    return 2
  }
}

Component({
  behaviors: [pageBehavior],
  data: {
    receiptId: '',
    loading: true,
    error: '',
    receipt: null as ReceiptData | null,
    rows: [] as Array<{ label: string; value: string }>,
    voidedText: '',
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ receiptId: query['receiptId'] ?? '' })
      void this.load()
    },

    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const receipt = await fees.getReceipt(this.data.receiptId)
        const content = receiptContent(receipt)
        this.setData({
          loading: false,
          receipt,
          rows: content.rows.map(([label, value]) => ({ label, value })),
          voidedText: content.voided ?? '',
        })
        setTimeout(() => this.draw(), 0)
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    /** Finds the canvas once it is laid out, then paints on it. */
    draw() {
      this.createSelectorQuery()
        .select('#receipt-canvas')
        .fields({ node: true, size: true })
        .exec((results: Array<{ node?: CanvasNode; width?: number; height?: number } | null>) => {
          const found = results[0]
          if (found && found.node && found.width && found.height) {
            this.paint(found.node, found.width, found.height)
          }
        })
    },

    paint(canvas: CanvasNode, width: number, height: number) {
      const receipt = this.data.receipt
      if (!receipt) return
      const ratio = pixelRatio()
      canvas.width = width * ratio
      canvas.height = height * ratio
      const ctx = canvas.getContext('2d')
      ctx.scale(ratio, ratio)
      drawReceipt(ctx, receiptContent(receipt), width, height)
      canvases.set(this, canvas)
    },

    /** The drawn receipt as a temporary image file. */
    image(): Promise<string> {
      const canvas = canvases.get(this)
      if (!canvas) return Promise.reject(new Error('收据图片还没有画好'))
      return new Promise((resolve, reject) => {
        wx.canvasToTempFilePath({
          canvas: canvas as unknown as WechatMiniprogram.Canvas,
          fileType: 'png',
          success: (result) => resolve(result.tempFilePath),
          fail: (error) => reject(new Error(error.errMsg)),
        })
      })
    },

    async save() {
      try {
        const filePath = await this.image()
        wx.saveImageToPhotosAlbum({
          filePath,
          success: () => wx.showToast({ title: '已保存到相册', icon: 'success' }),
          fail: (error) => {
            if (/cancel/.test(error.errMsg)) return
            wx.showModal({
              title: '没能保存',
              content: '请在“设置”里允许近邻保存到相册，或长按图片保存',
              showCancel: false,
            })
          },
        })
      } catch (error) {
        wx.showToast({ title: (error as Error).message, icon: 'none' })
      }
    },

    async share() {
      try {
        const path = await this.image()
        wx.showShareImageMenu({ path })
      } catch (error) {
        wx.showToast({ title: (error as Error).message, icon: 'none' })
      }
    },

    askVoid() {
      wx.showModal({
        title: '作废这张收据',
        content: '作废后收据仍保留并标明作废，这几期会变回未缴。请写明理由：',
        editable: true,
        placeholderText: '如：登记错了房号',
        confirmText: '作废',
        success: (answer) => {
          if (!answer.confirm) return
          const reason = (answer.content ?? '').trim()
          if (!reason) {
            wx.showToast({ title: '请写明作废理由', icon: 'none' })
            return
          }
          void this.voidWith(reason)
        },
      })
    },

    async voidWith(reason: string) {
      if (this.data.busy) return
      this.setData({ busy: true })
      try {
        await fees.voidReceipt({
          receiptId: this.data.receiptId,
          reason,
          requestId: newRequestId(),
        })
        wx.showToast({ title: '已作废', icon: 'success' })
        await this.load()
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ busy: false })
      }
    },
  },
})
