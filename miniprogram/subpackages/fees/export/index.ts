/**
 * 导出账本: a year, a quarter or a month of the ledger as an Excel workbook (收据、作废、支出、
 * 结余、欠费), made by the function and opened on the phone, from where it can be forwarded.
 */
import type { LedgerExport } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { fees } from '../../../services/fees'
import { messageOf } from '../../../utils/feedback'
import { formatFen } from '../../../utils/money'
import { formatBeijing, lastMonths } from '../../../utils/time'

/** This and last year, and the last twelve months, newest first. */
function periodChoices(now: Date): Array<{ key: string; label: string }> {
  const year = Number(formatBeijing(now, 'YYYY'))
  const years = [year, year - 1].map((y) => ({ key: String(y), label: `${y} 年全年` }))
  const months = lastMonths(now, 12).map((key) => {
    const [y, m] = key.split('-')
    return { key, label: `${y} 年 ${Number(m)} 月` }
  })
  return [...years, ...months]
}

function download(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: (result) =>
        result.statusCode === 200
          ? resolve(result.tempFilePath)
          : reject(new Error(`download answered ${result.statusCode}`)),
      fail: (error) => reject(new Error(error.errMsg)),
    })
  })
}

function open(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.openDocument({
      filePath,
      fileType: 'xlsx',
      showMenu: true,
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg)),
    })
  })
}

Component({
  behaviors: [pageBehavior],
  data: {
    buildingId: '',
    choices: [] as Array<{ key: string; label: string }>,
    busy: '',
    error: '',
    result: null as null | { title: string; lines: string[] },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ buildingId: query['buildingId'] ?? '', choices: periodChoices(new Date()) })
    },

    async export(event: WechatMiniprogram.CustomEvent) {
      const period = String(event.currentTarget.dataset['key'])
      if (this.data.busy) return
      this.setData({ busy: period, error: '' })
      let exported: LedgerExport | null = null
      try {
        exported = await fees.exportLedger(this.data.buildingId, period)
        const t = exported.totals
        this.setData({
          result: {
            title: exported.fileName,
            lines: [
              `期初结余 ${formatFen(t.openingFen)}`,
              `收入 ${formatFen(t.incomeFen)}（${t.receiptCount} 张收据），作废 ${formatFen(t.voidedIncomeFen)}`,
              `支出 ${formatFen(t.expenseFen - t.voidedExpenseFen)}（${t.expenseCount} 笔）`,
              `期末结余 ${formatFen(t.closingFen)}`,
              `欠费 ${t.arrearsHouseholds} 户，共 ${formatFen(t.arrearsFen)}`,
            ],
          },
        })
        await open(await download(exported.tempFileURL))
      } catch (error) {
        this.setData({
          error: exported ? '表格已生成，但没能在手机上打开，请稍后再试' : messageOf(error),
        })
      } finally {
        this.setData({ busy: '' })
      }
    },
  },
})
