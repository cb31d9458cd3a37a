import * as fs from 'node:fs'
import { API_DOC, renderPolicySection, withPolicySection } from '../../scripts/docs/policyTable'

describe('the permission table of docs/API.md', () => {
  it('is the one the policies render (run `npm run docs:api` after changing a policy)', () => {
    const page = fs.readFileSync(API_DOC, 'utf8')
    expect(withPolicySection(page)).toBe(page)
  })

  it('names every rule’s grants and refusals in Chinese', () => {
    const section = renderPolicySection()
    expect(section).toContain(
      '| `grantStaff` | 本社区工作人员 | 社区 `communityId`，对象 `openid` |',
    )
    expect(section).toContain('本人不能：不能审核自己的绑定申请')
    expect(section).toContain('| `autoClose` | 仅系统定时触发器 |')
  })
})
