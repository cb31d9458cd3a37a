/** Households: a new resident asks to bind to a flat; the building head approves. */
import { byClass, see, shot, startE2eApp, tapText, top, type E2eApp } from './support/app'

let app: E2eApp
beforeAll(async () => {
  app = await startE2eApp('community')
}, 120_000)
afterAll(() => app?.close())

it('a resident asks to bind a household and the head approves', async () => {
  const resident = await app.openAs('e2e-resident-zhao', '/pages/me/index')
  await see(resident, '绑定我的房屋')
  await shot(resident, 'community-me-unbound')
  await tapText(resident, '绑定我的房屋')
  await see(resident, '第 1 步：选择社区')
  await tapText(resident, '鹤峰社区')
  await see(resident, '第 2 步：选择小区')
  await tapText(resident, '继光花苑')
  await see(resident, '第 3 步：选择楼栋')
  await tapText(resident, '3号楼')
  await see(resident, '第 4 步：选择房号')
  await shot(resident, 'community-bind-room')
  await tapText(resident, '402')
  // A first-time user agrees to the privacy notice on the app's own button.
  await see(resident, '请先阅读《隐私保护指引》')
  await shot(resident, 'community-bind-privacy')
  await byClass(resident, 'components-privacy-consent', 'consent-agree').click()
  await see(resident, '已提交，等待楼栋长审核')
  await shot(resident, 'community-bind-submitted')

  const head = await app.openAs('demo-head-jiguang-3', '/pages/me/index')
  await tapText(head, '楼栋管理 · ')
  await see(head, '待审核的绑定申请')
  const request = byClass(head, 'subpackages-community-building', 'pending-402')
  await request.waitFor()
  await shot(head, 'community-building-pending')
  await request.getByText('通过', { exact: true }).click()
  await request.waitFor({ state: 'detached' })

  await tapText(resident, '回到“我的”')
  await see(resident, '继光花苑 3号楼 402')
  await top(resident).getByText('已绑定').waitFor()
  await shot(resident, 'community-me-bound')
}, 60_000)
