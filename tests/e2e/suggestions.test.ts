/**
 * Suggestions: a resident submits one with a photo, staff accept and assign it to the building
 * head, the head resolves it, the resident confirms.
 */
import {
  byClass,
  currentPath,
  photoFile,
  see,
  shot,
  startE2eApp,
  tapText,
  type E2eApp,
} from './support/app'

let app: E2eApp
beforeAll(async () => {
  app = await startE2eApp('suggestions')
}, 120_000)
afterAll(() => app?.close())

const DETAIL = 'subpackages-suggestions-detail'

it('a suggestion goes from the resident to staff, to the head and back', async () => {
  const resident = await app.openAs('demo-resident-huang', '/pages/suggestions/index')
  await see(resident, '我要提建议')
  await shot(resident, 'suggestions-tab')
  await tapText(resident, '我要提建议')
  await see(resident, '是哪方面的事？')
  await tapText(resident, '环境卫生')
  const form = 'subpackages-suggestions-submit'
  await byClass(resident, form, 'title').locator('input').fill('楼下垃圾桶满了没人清')
  await byClass(resident, form, 'description')
    .locator('textarea')
    .fill('3号楼门口的垃圾桶两天没清，气味很大。')
  await tapText(resident, '添加照片')
  await resident.locator('.jl-file-input').setInputFiles(await photoFile())
  await byClass(resident, form, 'photo-image').first().waitFor()
  await shot(resident, 'suggestions-submit')
  await tapText(resident, '提交建议')
  // The subscribe-message prompt of the runner: allow.
  const allow = resident.locator('.jl-subscribe-allow')
  await allow.waitFor()
  await shot(resident, 'suggestions-subscribe-prompt')
  await allow.click()
  // 黄大伯 has not agreed to the privacy notice yet: the app asks on its own button.
  await see(resident, '请先阅读《隐私保护指引》')
  await byClass(resident, 'components-privacy-consent', 'consent-agree').click()
  await see(resident, '办理进度')
  const detailPath = currentPath(resident)
  expect(detailPath).toMatch(/^\/subpackages\/suggestions\/detail\/index\?id=/)
  // The photo was uploaded into the local cloud's storage and is shown from there.
  await byClass(resident, DETAIL, 'photo').first().locator('img').waitFor()
  expect(await app.cloud.storage.list().some((f) => f.path.includes('uploads/suggestions/'))).toBe(
    true,
  )
  await shot(resident, 'suggestions-detail-submitted')

  // Staff find it on their board (建议 → 受理派发工作台) and open it.
  const staff = await app.openAs('demo-staff-hefeng', '/pages/suggestions/index')
  await tapText(staff, '受理派发工作台')
  await see(staff, '楼下垃圾桶满了没人清')
  await shot(staff, 'suggestions-board')
  await tapText(staff, '楼下垃圾桶满了没人清')
  await see(staff, '办理进度')
  expect(currentPath(staff)).toBe(detailPath)
  await step(staff, 'accept')
  await byClass(staff, DETAIL, 'text').locator('textarea').fill('已收到，马上安排')
  await save(staff)
  await see(staff, '· 受理')
  await step(staff, 'assign')
  await byClass(staff, DETAIL, 'candidate').filter({ hasText: '陈建国' }).click()
  await shot(staff, 'suggestions-assign')
  await save(staff)
  await see(staff, '办理人')
  await shot(staff, 'suggestions-detail-assigned')

  const head = await app.openAs('demo-head-jiguang-3', '/subpackages/suggestions/queue/index')
  await see(head, '楼下垃圾桶满了没人清')
  await shot(head, 'suggestions-queue')
  await tapText(head, '楼下垃圾桶满了没人清')
  await see(head, '办理进度')
  await step(head, 'resolve')
  await byClass(head, DETAIL, 'text').locator('textarea').fill('已联系保洁清理，并增加一次清运')
  await save(head)
  await see(head, '已联系保洁清理')

  await resident.locator('.jl-capsule-menu').click()
  await resident.getByText('重新进入小程序').click()
  await step(resident, 'confirm')
  await byClass(resident, DETAIL, 'satisfaction')
    .locator('[class~="van-rate--van-rate__item"]')
    .nth(4)
    .click()
  await shot(resident, 'suggestions-confirm')
  await save(resident)
  await see(resident, '确认已解决')
  await shot(resident, 'suggestions-detail-confirmed')
}, 90_000)

/** Opens the form of a step (受理, 派发, 办结, 确认) on the detail page. */
async function step(page: Parameters<typeof see>[0], key: string): Promise<void> {
  const button = byClass(page, DETAIL, `step-${key}`)
  await button.waitFor()
  await button.click()
  await byClass(page, DETAIL, `form-${key}`).waitFor()
}

/** Saves the open step, allowing the notices the app asks for on the way (the runner's prompt). */
async function save(page: Parameters<typeof see>[0]): Promise<void> {
  const button = byClass(page, DETAIL, 'save')
  await button.click()
  const allow = page.locator('.jl-subscribe-allow')
  const deadline = Date.now() + 10_000
  while ((await button.count()) > 0) {
    if (Date.now() > deadline) throw new Error('the step was not saved')
    if (await allow.isVisible()) await allow.click()
    await page.waitForTimeout(100)
  }
}
