/** 楼栋管理费: the head records a payment and the resident sees the receipt in their household's fees. */
import { byClass, see, shot, startE2eApp, tapText, top, type E2eApp } from './support/app'

const RECORD = 'subpackages-fees-record'
let app: E2eApp
beforeAll(async () => {
  app = await startE2eApp('fees')
}, 120_000)
afterAll(() => app?.close())

it('a head records a fee payment and the resident sees the receipt', async () => {
  const head = await app.openAs(
    'demo-head-jiguang-3',
    '/subpackages/fees/record/index?buildingId=b-jiguang-3',
  )
  await see(head, '哪一户')
  await byClass(head, RECORD, 'room').click()
  await head.locator('.jl-picker-option', { hasText: '301' }).first().click()
  const period = byClass(head, RECORD, 'period').first()
  await period.waitFor()
  await period.click()
  await shot(head, 'fees-record')
  await tapText(head, '登记并开收据')
  // The receipt page, with its number: 前缀-年份-序号.
  const number = byClass(head, 'subpackages-fees-receipt', 'number')
  await number.waitFor()
  const receiptNumber = (await number.innerText()).trim()
  expect(receiptNumber).toMatch(/^[A-Z0-9]+-\d{4}-\d{4}$/)
  // The receipt image is drawn on a 2d canvas: its top-left corner is no longer blank.
  const painted = await top(head)
    .locator('canvas')
    .first()
    .evaluate((canvas) => {
      const c = canvas as unknown as {
        width: number
        getContext(t: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: number[] }
        }
      }
      return c.width > 0 && c.getContext('2d').getImageData(8, 8, 1, 1).data[3]! > 0
    })
  expect(painted).toBe(true)
  await shot(head, 'fees-receipt')

  const resident = await app.openAs('demo-resident-huang', '/subpackages/fees/household/index')
  await see(resident, '我家的收据')
  await see(resident, receiptNumber)
  await shot(resident, 'fees-household')
}, 90_000)
