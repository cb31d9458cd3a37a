/**
 * 近邻志愿: staff share a project; volunteers opening the shared card for the first time agree
 * to the privacy notice and sign up on the project page until it is full, and the next one lands
 * on the waitlist.
 */
import { byClass, see, shot, startE2eApp, top, type E2eApp } from './support/app'

const PROJECT_PAGE = 'subpackages-volunteers-project'
let app: E2eApp
let projectId = ''

beforeAll(async () => {
  app = await startE2eApp('volunteers')
  // A small project of 金溪社区, so that two volunteers fill it.
  const day = (days: number, hour: number) =>
    new Date(Date.now() + days * 86_400_000 + (hour - new Date().getUTCHours() - 8) * 3_600_000)
  const answer = (await app.cloud.callFunction(
    'volunteers',
    {
      action: 'createProject',
      communityId: 'c-jinxi',
      title: '楼道大扫除',
      description: '周六上午一起把17号楼的楼道打扫干净。',
      serviceType: '环境整治',
      place: '金涵小区二期B区17号楼',
      startAt: day(3, 9).toISOString(),
      endAt: day(3, 11).toISOString(),
      signupDeadline: day(2, 20).toISOString(),
      capacity: 2,
      requestId: 'e2e-volunteers-project',
    },
    'demo-staff-jinxi',
  )) as { ok: boolean; data?: { id: string }; error?: unknown }
  if (!answer.ok || !answer.data) throw new Error(`createProject: ${JSON.stringify(answer.error)}`)
  projectId = answer.data.id
}, 120_000)
afterAll(() => app?.close())

it('volunteers open a shared project, sign up until it is full, and the next one waits', async () => {
  const staff = await app.openAs(
    'demo-staff-jinxi',
    `/subpackages/volunteers/project/index?id=${projectId}`,
  )
  await see(staff, '楼道大扫除')
  await staff.locator('.jl-capsule-menu').click()
  await staff.getByText('转发给朋友').click()
  const sheet = staff.locator('.jl-share-sheet')
  await sheet.getByText('邀您一起做志愿：楼道大扫除').waitFor()
  const sharedPath = await sheet.locator('.jl-share-path').innerText()
  expect(sharedPath).toContain(projectId)
  await shot(staff, 'volunteers-share')

  const outcomes: string[] = []
  for (const [i, openid] of ['e2e-volunteer-a', 'e2e-volunteer-b', 'e2e-volunteer-c'].entries()) {
    // Opened from the card in a WeChat group: the first page this person ever sees.
    const volunteer = await app.openAs(openid, sharedPath)
    await see(volunteer, '楼道大扫除')
    const signup = byClass(volunteer, PROJECT_PAGE, 'signup')
    await signup.waitFor()
    outcomes.push(await signup.innerText())
    await signup.click()
    // The app asks to send the promotion and reminder messages (the runner's prompt)…
    await volunteer.locator('.jl-subscribe-allow').click()
    // …then, as nothing personal has been sent yet, for agreement to the privacy notice.
    await see(volunteer, '请先阅读《隐私保护指引》')
    if (i === 0) await shot(volunteer, 'volunteers-first-visit-privacy')
    await byClass(volunteer, 'components-privacy-consent', 'consent-agree').click()
    // The runner draws the toast over the phone, outside the page.
    await volunteer
      .getByText(i < 2 ? '报名成功' : '名额已满，您是候补第 1 位')
      .first()
      .waitFor({ timeout: 10_000 })
    await see(volunteer, i < 2 ? `已报名 ${i + 1} / 2 人` : '候补 1 人')
    await shot(volunteer, `volunteers-signed-up-${i + 1}`)
  }
  expect(outcomes).toEqual(['我要报名', '我要报名', '名额已满，报名候补'])

  await staff.reload()
  await see(staff, '楼道大扫除')
  await top(staff).getByText('候补 1 人').waitFor()
  await shot(staff, 'volunteers-project-full')
}, 90_000)
