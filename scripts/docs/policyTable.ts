/**
 * The permission section of docs/API.md, rendered from the functions' policy tables
 * (cloudfunctions/<function>/policy.ts): who may call each action, on what. `npm run docs:api`
 * rewrites it; tests/scripts/policyTable.test.ts fails when the committed page is stale.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { communityPolicy } from '../../cloudfunctions/community/policy'
import { feesPolicy } from '../../cloudfunctions/fees/policy'
import { healthPolicy } from '../../cloudfunctions/health/policy'
import { ratingsPolicy } from '../../cloudfunctions/ratings/policy'
import { GRANT_WORDS, type Rule } from '../../cloudfunctions/shared/policy'
import { suggestionsPolicy } from '../../cloudfunctions/suggestions/policy'
import { volunteersPolicy } from '../../cloudfunctions/volunteers/policy'

export const API_DOC = path.resolve(__dirname, '../../docs/API.md')
const BEGIN = '<!-- policy:begin (npm run docs:api) -->'
const END = '<!-- policy:end -->'

const POLICIES: Record<string, Record<string, Rule<never>>> = {
  health: healthPolicy,
  community: communityPolicy,
  ratings: ratingsPolicy,
  suggestions: suggestionsPolicy,
  fees: feesPolicy,
  volunteers: volunteersPolicy,
}

function row(action: string, rule: Rule<never>): string {
  const who = rule.allow.map((grant) => GRANT_WORDS[grant]).join('、')
  const notes = [
    rule.notBySubject ? `本人不能：${rule.notBySubject}` : '',
    rule.hidden ? '无权者得到“没有找到”，不泄露是否存在' : '',
  ].filter(Boolean)
  const cell = (text: string) => text.replace(/\|/g, '\\|')
  return `| \`${action}\` | ${cell(who)} | ${cell(rule.scope?.describe ?? '—')} | ${cell(notes.join('；') || '—')} |`
}

export function renderPolicySection(): string {
  const parts = [
    BEGIN,
    '',
    '## 权限表（由各云函数的 `policy.ts` 生成）',
    '',
    '每个操作在执行前由路由按这张表检查：调用者必须在“范围”所指的社区、楼栋、房屋或记录上具有所列身份之一，',
    '否则得到 `PERMISSION_DENIED`（没有微信身份为 `UNAUTHENTICATED`），数据不作任何改动。新的角色只在这里加入。',
    '“任何微信用户”的操作只涉及本人的数据或公开内容。',
  ]
  for (const [fn, policy] of Object.entries(POLICIES)) {
    parts.push('', `### \`${fn}\``, '', '| 操作 | 谁可以调用 | 范围 | 另外 |', '|---|---|---|---|')
    for (const [action, rule] of Object.entries(policy)) parts.push(row(action, rule))
  }
  parts.push('', END)
  return parts.join('\n')
}

/** The page with its permission section replaced (or appended the first time). */
export function withPolicySection(page: string): string {
  const section = renderPolicySection()
  const start = page.indexOf(BEGIN)
  const end = page.indexOf(END)
  if (start === -1 || end === -1) return `${page.trimEnd()}\n\n${section}\n`
  return `${page.slice(0, start)}${section}${page.slice(end + END.length)}`
}

if (require.main === module) {
  fs.writeFileSync(API_DOC, withPolicySection(fs.readFileSync(API_DOC, 'utf8')))
  console.log(`docs/API.md: permission table written`)
}
