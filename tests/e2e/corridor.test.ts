/** Corridor ratings: a resident rates the building's corridor and sees its stars. */
import { byClass, see, shot, startE2eApp, tapText, top, type E2eApp } from './support/app'

let app: E2eApp
beforeAll(async () => {
  app = await startE2eApp('corridor')
}, 120_000)
afterAll(() => app?.close())

it('a resident rates the corridor and sees the building’s stars', async () => {
  const resident = await app.openAs('demo-resident-huang', '/pages/corridor/index')
  await see(resident, '本月暂无评价')
  await shot(resident, 'corridor-tab')
  await tapText(resident, '评价本月楼道')
  await see(resident, '每项 1 到 5 颗星')
  const dimensions = byClass(resident, 'subpackages-corridor-rate', 'dimension')
  const count = await dimensions.count()
  expect(count).toBeGreaterThanOrEqual(5)
  for (let i = 0; i < count; i++) {
    // The fifth star of each row.
    await dimensions.nth(i).locator('[class~="van-rate--van-rate__item"]').nth(4).click()
  }
  await byClass(resident, 'subpackages-corridor-rate', 'comment')
    .locator('textarea')
    .fill('楼道很干净，谢谢楼栋长')
  await shot(resident, 'corridor-rate')
  await tapText(resident, '提交评价')
  await see(resident, '5 星')
  await top(resident).getByText('本月 1 / 12 户已评价').waitFor()
  await shot(resident, 'corridor-rated')

  await tapText(resident, '社区楼道排行')
  await see(resident, '继光花苑')
  await shot(resident, 'corridor-ranking')
}, 60_000)
