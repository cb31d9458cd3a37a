/**
 * The kinds of caller the permission matrix tries every action with, as real people of the
 * seeded demo (scripts/demo/users.ts) plus the few it lacks. Each declares by hand the grants it
 * holds in "this place" — 鹤峰社区, 继光花苑3号楼, room 301 — read off the demo, never computed
 * by the policy's own evaluator: the matrix compares the two.
 */
import type { LocalCloud } from '../../../local-cloud/src'
import type { PlaceGrant } from '../../../cloudfunctions/shared/policy'

/** Where the fixtures act. */
export const HERE = {
  communityId: 'c-hefeng',
  estateId: 'e-jiguang',
  buildingId: 'b-jiguang-3',
  householdId: 'h-jiguang-3-301',
  room: '301',
} as const

export const ADMIN = 'test-admin'

export interface Persona {
  /** null: no WeChat identity, an anonymous call or the platform's timer. */
  openid: string | null
  /** Calls as the platform's timer trigger (`{ Type: 'Timer', TriggerName }`). */
  timer?: true
  /** Has agreed to the privacy notice. */
  agreed: boolean
  /** The grants held in this place, besides `user` (every persona with an openid). */
  place: readonly PlaceGrant[]
}

export const PERSONAS = {
  anonymous: { openid: null, agreed: false, place: [] },
  timer: { openid: null, timer: true, agreed: false, place: [] },
  /** Opened the mini-program, never agreed: no user document at all. */
  unagreed: { openid: 'test-unagreed', agreed: false, place: [] },
  /** Agreed, bound nowhere, no role. */
  stranger: { openid: 'test-stranger', agreed: true, place: [] },
  /** 李阿姨: her request for 3号楼 502 still waits for the head. */
  pending: { openid: 'demo-resident-li', agreed: true, place: [] },
  /** 黄大伯, bound to 3号楼 301. */
  resident: {
    openid: 'demo-resident-huang',
    agreed: true,
    place: ['resident', 'household', 'communityResident'],
  },
  /** Bound to 4号楼 201, in the same community. */
  residentOfAnotherBuilding: {
    openid: 'test-resident-jiguang-4',
    agreed: true,
    place: ['communityResident'],
  },
  /** 陈建国, head of 3号楼, who lives in its 101. */
  headOfThisBuilding: {
    openid: 'demo-head-jiguang-3',
    agreed: true,
    place: ['buildingHead', 'resident', 'communityResident'],
  },
  /** Head of 4号楼, bound to no household. */
  headOfAnotherBuilding: { openid: 'test-head-jiguang-4', agreed: true, place: [] },
  gridWorkerOfThisCommunity: { openid: 'test-grid-hefeng', agreed: true, place: ['gridWorker'] },
  /** 王志强, grid worker of 万达社区. */
  gridWorkerOfAnotherCommunity: { openid: 'demo-grid-wanda', agreed: true, place: [] },
  /** 林晓红. */
  staffOfThisCommunity: { openid: 'demo-staff-hefeng', agreed: true, place: ['staff'] },
  /** 吴海燕, staff of 金溪社区. */
  staffOfAnotherCommunity: { openid: 'demo-staff-jinxi', agreed: true, place: [] },
  /** In JINLIN_ADMIN_OPENIDS of every function; admins count as staff everywhere. */
  admin: { openid: ADMIN, agreed: true, place: ['admin', 'staff'] },
} as const satisfies Record<string, Persona>

export type PersonaName = keyof typeof PERSONAS

export const PERSONA_NAMES = Object.keys(PERSONAS) as PersonaName[]

export function openidOf(name: PersonaName): string {
  const { openid } = PERSONAS[name] as Persona
  if (!openid) throw new Error(`${name} has no openid`)
  return openid
}

type Doc = Record<string, unknown>

const agreement = () => ({ version: '1', at: new Date() })

function user(openid: string, displayName: string, roles: Doc[] = []): Doc {
  return { openid, displayName, roles, privacyAgreed: agreement(), createdAt: new Date() }
}

/**
 * Adds the people the demo lacks and has everyone but `unagreed` agree to the privacy notice.
 * `extraPeople` are third parties the fixtures act on (a future head, a staff candidate…).
 */
export function addPersonas(cloud: LocalCloud): void {
  const store = cloud.store
  store.atomically(() => {
    for (const doc of store.all('users'))
      store.write('users', String(doc['_id']), { ...doc, privacyAgreed: agreement() })
    store.write('users', openidOf('stranger'), user(openidOf('stranger'), '路人'))
    store.write('users', ADMIN, user(ADMIN, '系统管理员'))
    store.write(
      'users',
      openidOf('gridWorkerOfThisCommunity'),
      user(openidOf('gridWorkerOfThisCommunity'), '周网格', [
        { role: 'gridWorker', communityId: HERE.communityId },
      ]),
    )
    const otherHead = openidOf('headOfAnotherBuilding')
    store.write(
      'users',
      otherHead,
      user(otherHead, '赵楼长', [
        { role: 'buildingHead', communityId: HERE.communityId, buildingId: 'b-jiguang-4' },
      ]),
    )
    const building4 = store.getById('buildings', 'b-jiguang-4')!
    store.write('buildings', 'b-jiguang-4', { ...building4, headOpenids: [otherHead] })
    const neighbour = openidOf('residentOfAnotherBuilding')
    store.write('users', neighbour, user(neighbour, '钱阿姨'))
    store.write('bindings', `${neighbour}_h-jiguang-4-201`, {
      openid: neighbour,
      householdId: 'h-jiguang-4-201',
      buildingId: 'b-jiguang-4',
      communityId: HERE.communityId,
      status: 'approved',
      activeSlot: 'active',
      requestedAt: new Date(),
      reviewedBy: otherHead,
      reviewedAt: new Date(),
    })
  })
}

/** Adds an agreed user with the given roles (a third party a fixture acts on). */
export function addPerson(cloud: LocalCloud, openid: string, name: string, roles: Doc[] = []) {
  cloud.store.write('users', openid, user(openid, name, roles))
}

/**
 * What makes each persona what it is — their user document, their bindings, the communities'
 * staff lists and the heads of the buildings — as it is now; the answer puts it back. An
 * allowed call may change a persona (deleteMyData, leaveHousehold, agreePrivacy…): the next
 * case must meet the same person.
 */
export function rememberPersonas(cloud: LocalCloud): () => void {
  const store = cloud.store
  const openids = PERSONA_NAMES.flatMap((name) => {
    const { openid } = PERSONAS[name] as Persona
    return openid ? [openid] : []
  })
  const users = new Map(openids.map((openid) => [openid, store.getById('users', openid)]))
  const bindingsOf = () =>
    store.find('bindings', { filter: { openid: { $in: openids } } }) as Array<Doc & { _id: string }>
  const bindings = bindingsOf()
  const communities = store.all('communities') as Array<Doc & { _id: string }>
  const buildings = store.all('buildings') as Array<Doc & { _id: string }>
  return () =>
    store.atomically(() => {
      for (const [openid, doc] of users) store.write('users', openid, doc)
      const kept = new Set(bindings.map((b) => b._id))
      for (const binding of bindingsOf())
        if (!kept.has(binding._id)) store.write('bindings', binding._id, null)
      for (const binding of bindings) store.write('bindings', binding._id, binding)
      for (const community of communities) store.write('communities', community._id, community)
      for (const building of buildings) store.write('buildings', building._id, building)
    })
}
