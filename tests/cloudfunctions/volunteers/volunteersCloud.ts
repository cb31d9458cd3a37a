/**
 * The built `volunteers` function on an in-memory local cloud with the demo seeded (金溪社区,
 * its ten teams, the demo projects), subscribe templates configured so that messages land in the
 * outbox, and helpers: call as someone, create a project, prove that a refusal changed nothing,
 * and run the same actions in-process at a chosen instant (time travel for deadlines and
 * check-in windows, which the built function takes from the real clock).
 */
import * as path from 'node:path'
import type { Envelope } from '../../../typings'
import type { Cloud } from '../../../cloudfunctions/shared/cloud'
import { createRouter } from '../../../cloudfunctions/shared/router'
import { actions } from '../../../cloudfunctions/volunteers'
import { volunteersPolicy } from '../../../cloudfunctions/volunteers/policy'
import { localFunctionEnv } from '../../../scripts/localCloud/functionEnv'
import { seedDemoIfEmpty } from '../../../scripts/localCloud/seedDemo'
import { startTestCloud, type TestCloud } from '../../local-cloud/support/testCloud'

export const STAFF = 'demo-staff-jinxi'
export const OTHER_STAFF = 'demo-staff-hefeng'
export const LEADER = 'demo-leader-lvzhou'
export const MEMBER = 'demo-volunteer-zhou'
export const RESIDENT = 'demo-resident-huang'
export const COMMUNITY = 'c-jinxi'
export const ADMIN = 'test-admin'

/** The template ids the local cloud configures (scripts/localCloud/functionEnv.ts). */
export const TEMPLATES = {
  promoted: 'local-volunteerPromoted',
  reminder: 'local-volunteerReminder',
  cancelled: 'local-volunteerCancelled',
}

export interface VolunteersCloud extends TestCloud {
  call<T = any>(
    openid: string,
    action: string,
    input?: Record<string, unknown>,
  ): Promise<Envelope<T>>
  /** The same action run in this process with the clock at `at`. */
  callAt<T = any>(
    at: Date,
    openid: string,
    action: string,
    input?: Record<string, unknown>,
  ): Promise<Envelope<T>>
  /** Every document of every collection: to prove that a refusal changed nothing. */
  digest(): string
  /** A timer trigger of the function, run in this process with the clock at `at`. */
  timerAt<T = any>(at: Date, trigger: string): Promise<Envelope<T>>
  /** Users who have agreed to the privacy notice, for crowds. */
  addUsers(openids: string[]): void
}

export async function startVolunteersCloud(): Promise<VolunteersCloud> {
  const t = await startTestCloud({
    schemaDir: path.resolve(__dirname, '../../../database'),
    functionEnv: {
      volunteers: { JINLIN_ADMIN_OPENIDS: ADMIN, JINLIN_CONTENT_CHECK: 'on' },
      community: { JINLIN_ADMIN_OPENIDS: ADMIN },
    },
  })
  // The in-process runs (callAt) read their configuration from this process's environment.
  Object.assign(process.env, localFunctionEnv(), { JINLIN_ADMIN_OPENIDS: ADMIN })
  await seedDemoIfEmpty(t.cloud)
  await t.db
    .collection('users')
    .where({})
    .update({ data: { privacyAgreed: { version: '1', at: new Date() } } })
  const database = t.sdk.database({ throwOnNotFound: false } as never)
  const routerAt = (at: Date, openid: string) => {
    const cloud: Cloud = {
      database: () => database as never,
      wxContext: () => (openid ? { OPENID: openid } : {}),
      sdk: t.sdk,
    }
    return createRouter('volunteers', actions, volunteersPolicy, {
      cloud: () => cloud,
      now: () => at,
    })
  }
  // Through JSON, as over the wire.
  const callAt = (at: Date, openid: string, action: string, input: Record<string, unknown> = {}) =>
    routerAt(at, openid)({ action, ...input }).then((r) => JSON.parse(JSON.stringify(r)))
  const timerAt = (at: Date, trigger: string) =>
    routerAt(
      at,
      '',
    )({ Type: 'Timer', TriggerName: trigger, Time: at.toISOString() }).then((r) =>
      JSON.parse(JSON.stringify(r)),
    )
  return {
    ...t,
    call: (openid, action, input = {}) =>
      t.cloud.callFunction('volunteers', { action, ...input }, openid) as never,
    callAt: callAt as never,
    timerAt: timerAt as never,
    digest: () =>
      JSON.stringify(
        t.cloud.store
          .listCollections()
          .map((name) => [name, t.cloud.store.find(name, { filter: {}, sort: [['_id', 1]] })]),
      ),
    addUsers(openids) {
      t.cloud.store.atomically(() => {
        for (const openid of openids)
          t.cloud.store.write('users', openid, {
            openid,
            displayName: `志愿者${openid.slice(-3)}`,
            roles: [],
            privacyAgreed: { version: '1', at: new Date() },
            createdAt: new Date(),
          })
      })
    },
  }
}

let sequence = 0
export function newRequestId(): string {
  sequence += 1
  return `vreq-${Date.now().toString(36)}-${sequence.toString().padStart(5, '0')}`
}

const HOUR = 3600_000

/** A valid project of 金溪社区 starting `startsInHours` from `now`. */
export function projectInput(
  overrides: Record<string, unknown> = {},
  now = new Date(),
  startsInHours = 48,
): Record<string, unknown> {
  const start = new Date(now.getTime() + startsInHours * HOUR)
  return {
    communityId: COMMUNITY,
    title: '社区环境清洁日',
    description: '清理楼道杂物、绿化带垃圾，分类投放。',
    serviceType: '环境卫生',
    place: '金涵小区二期B区中心广场',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
    signupDeadline: new Date(start.getTime() - 2 * HOUR).toISOString(),
    capacity: 10,
    invitedTeamIds: ['t-weilan-xingkong', 't-lvzhou-kehou'],
    requestId: newRequestId(),
    ...overrides,
  }
}
