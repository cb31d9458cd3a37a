/** The community pages' flows against the real functions and the demo data. */
import { render, settle } from '../../support/miniprogram'
import { BIG_BUILDING, seedBigBuilding } from '../../support/bigBuilding'
import { startLiveCloud, waitForText, type LiveCloud } from '../../support/liveCloud'

let live: LiveCloud
beforeAll(async () => {
  live = await startLiveCloud()
  seedBigBuilding(live.cloud.cloud.store)
}, 30_000)
afterAll(() => live.cloud.cloud.close())

const tapCell = async (page: ReturnType<typeof render>, selector: string, index = 0) => {
  const hosts = page.querySelectorAll(selector)
  hosts[index]!.querySelector('.van-cell')!.dispatchEvent('tap')
  await settle()
}

/** Taps a Vant button, found through the components named by `path` (each a shadow tree deeper). */
const tapButton = async (page: ReturnType<typeof render>, ...path: string[]) => {
  let node = page
  for (const selector of path) node = node.querySelector(selector)! as typeof page
  node.querySelector('.van-button')!.dispatchEvent('tap')
  await settle()
}

function chooseText(page: ReturnType<typeof render>, text: string): number {
  const hosts = page.querySelectorAll('.choice')
  const index = hosts.findIndex((host) => (host.dom?.textContent ?? '').trim() === text)
  if (index < 0) throw new Error(`no choice ${text}`)
  return index
}

describe('绑定房屋', () => {
  it('walks a first-time user from community to room, asks for consent, and submits', async () => {
    live.actAs('test-newcomer-page')
    const page = render('subpackages/community/bind/index')
    await waitForText(page, '鹤峰社区')
    await tapCell(page, '.choice', chooseText(page, '鹤峰社区'))
    await waitForText(page, '继光花苑')
    await tapCell(page, '.choice', chooseText(page, '继光花苑'))
    await waitForText(page, '3号楼')
    await tapCell(page, '.choice', chooseText(page, '3号楼'))
    await waitForText(page, '402')
    await tapCell(page, '.choice', chooseText(page, '402'))

    // Nothing personal was sent before consent: the popup asks first.
    await waitForText(page, '请先阅读《隐私保护指引》')
    expect(
      live.cloud.cloud.store.find('bindings', { filter: { openid: 'test-newcomer-page' } }),
    ).toEqual([])
    await tapButton(page, '.privacy-consent', '.consent-agree')
    await waitForText(page, '已提交，等待楼栋长审核')
    expect(page.dom!.textContent).toContain('鹤峰社区 继光花苑 3号楼 402')
    expect(
      live.cloud.cloud.store.find('bindings', { filter: { openid: 'test-newcomer-page' } }),
    ).toHaveLength(1)
  })

  it('offers every room of a building of more than 200 (a page of rooms is 200)', async () => {
    live.actAs('test-newcomer-big')
    const page = render('subpackages/community/bind/index')
    await waitForText(page, '鹤峰社区')
    await tapCell(page, '.choice', chooseText(page, '鹤峰社区'))
    await waitForText(page, '继光花苑')
    await tapCell(page, '.choice', chooseText(page, '继光花苑'))
    await waitForText(page, BIG_BUILDING.number)
    await tapCell(page, '.choice', chooseText(page, BIG_BUILDING.number))
    await waitForText(page, '2305')
    expect(page.querySelectorAll('.choice')).toHaveLength(230)
  })
})

describe('楼栋管理', () => {
  it('lets the head approve 李阿姨’s pending request', async () => {
    live.actAs('demo-head-jiguang-3')
    const page = render('subpackages/community/building/index')
    ;(page.instance as unknown as { onLoad(q: Record<string, string>): void }).onLoad({
      buildingId: 'b-jiguang-3',
    })
    await waitForText(page, '待审核的绑定申请（')
    await waitForText(page, '502 · 李阿姨')
    await tapButton(page, '.pending-502 .approve')
    // Approved: she is listed among the households, no longer among the requests.
    await waitForText(page, '502李阿姨')
    expect(page.dom!.textContent).not.toContain('502 · 李阿姨')
    expect(
      live.cloud.cloud.store.find('bindings', { filter: { openid: 'demo-resident-li' } })[0],
    ).toMatchObject({ status: 'approved' })
    // Households list names in full for the head, phones masked.
    await waitForText(page, '黄建华 138****1234')
  })

  it('lists every household of a building of more than 200', async () => {
    live.actAs(BIG_BUILDING.head)
    const page = render('subpackages/community/building/index')
    ;(page.instance as unknown as { onLoad(q: Record<string, string>): void }).onLoad({
      buildingId: BIG_BUILDING.id,
    })
    await waitForText(page, '2305')
    expect(
      (page.instance as unknown as { data: { households: unknown[] } }).data.households,
    ).toHaveLength(230)
  })

  it('shows a resident who opens it the server’s refusal', async () => {
    live.actAs('demo-resident-huang')
    const page = render('subpackages/community/building/index')
    ;(page.instance as unknown as { onLoad(q: Record<string, string>): void }).onLoad({
      buildingId: 'b-jiguang-3',
    })
    await waitForText(page, '只有本楼的楼栋长或本社区的工作人员可以进行这项操作')
  })
})

describe('社区管理', () => {
  it('lets staff pick an estate and a building, and import rooms', async () => {
    live.actAs('demo-staff-hefeng')
    const page = render('subpackages/community/admin/index')
    ;(page.instance as unknown as { onLoad(q: Record<string, string>): void }).onLoad({
      communityId: 'c-hefeng',
    })
    await waitForText(page, '继光花苑')
    await tapCell(page, '.estate')
    await waitForText(page, '6号楼')
    await waitForText(page, '楼栋长：陈建国')
    await tapCell(page, '.building', 5)
    await waitForText(page, '导入房号')
    await tapButton(page, '.import')
    await waitForText(page, '6号楼')
    const wx = (globalThis as unknown as { wx: { showToast: jest.Mock } }).wx
    const deadline = Date.now() + 3000
    while (!wx.showToast.mock.calls.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10))
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '新增 0 户' }))
  })
})

describe('个人资料', () => {
  it('shows my number and saves a phone only after consent', async () => {
    live.actAs('test-profile-user')
    const page = render('subpackages/community/profile/index')
    await waitForText(page, '我的用户编号')
    expect((page.instance as unknown as { data: { openid: string } }).data.openid).toBe(
      'test-profile-user',
    )
    page.instance.setData({ displayName: '小林', phone: '13900001111' })
    await tapButton(page, '.save')
    await waitForText(page, '请先阅读《隐私保护指引》')
    expect(live.cloud.cloud.store.getById('users', 'test-profile-user')?.['phone']).toBeUndefined()
    await tapButton(page, '.privacy-consent', '.consent-agree')
    const deadline = Date.now() + 3000
    while (
      !live.cloud.cloud.store.getById('users', 'test-profile-user')?.['phone'] &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(live.cloud.cloud.store.getById('users', 'test-profile-user')).toMatchObject({
      displayName: '小林',
      phone: '13900001111',
    })
  })
})
