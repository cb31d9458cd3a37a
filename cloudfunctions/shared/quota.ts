/**
 * Daily quotas against flooding: how many of a kind of record one person, and one community, may
 * create in a Beijing day. Counted from the records themselves (two counts over indexes) rather
 * than kept in counters, so that a refused or failed call leaves nothing behind. A burst of
 * simultaneous calls from one person can pass the limit by the calls in flight; the limits are
 * far from ordinary use, so that is acceptable for their purpose (flooding), unlike places or
 * receipts, which are exact.
 */
import type { Database } from './cloud'
import { QUOTA_ENV } from './config'
import { AppError } from './errors'
import { startOfShanghaiDay } from './time'

export interface QuotaLimits {
  perUserPerDay: number
  /** Null: no community-wide limit. */
  perCommunityPerDay: number | null
}

interface QuotaKind {
  collection: string
  /** The field holding the creator's openid, and the one holding the time of creation. */
  userField: string
  timeField: string
  communityField: string | null
  limits: QuotaLimits
  /** What a person is told, completed with the limit. */
  what: string
}

export const QUOTAS = {
  suggestions: {
    collection: 'suggestions',
    userField: 'ownerOpenid',
    timeField: 'createdAt',
    communityField: 'communityId',
    limits: { perUserPerDay: 20, perCommunityPerDay: 2000 },
    what: '条建议',
  },
  ratings: {
    collection: 'corridorRatingHistory',
    userField: 'openid',
    timeField: 'updatedAt',
    communityField: 'communityId',
    limits: { perUserPerDay: 20, perCommunityPerDay: 20000 },
    what: '次楼道评价',
  },
  helpRequests: {
    collection: 'volunteerHelpRequests',
    userField: 'openid',
    timeField: 'createdAt',
    communityField: 'communityId',
    limits: { perUserPerDay: 10, perCommunityPerDay: 1000 },
    what: '条求助',
  },
  uploads: {
    collection: 'uploads',
    userField: 'openid',
    timeField: 'createdAt',
    communityField: null,
    limits: { perUserPerDay: 200, perCommunityPerDay: null },
    what: '张照片',
  },
  bindings: {
    collection: 'bindings',
    userField: 'openid',
    timeField: 'requestedAt',
    communityField: 'communityId',
    limits: { perUserPerDay: 10, perCommunityPerDay: 2000 },
    what: '次绑定申请',
  },
} satisfies Record<string, QuotaKind>

export type QuotaName = keyof typeof QUOTAS

/** The limits in force: the defaults above, overridden by jinlin.config.json `quotas`. */
export function quotaLimits(name: QuotaName, env: NodeJS.ProcessEnv = process.env): QuotaLimits {
  const configured = parseQuotaEnv(env[QUOTA_ENV])[name]
  return { ...QUOTAS[name].limits, ...configured }
}

function parseQuotaEnv(raw: string | undefined): Partial<Record<QuotaName, Partial<QuotaLimits>>> {
  if (!raw) return {}
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, never>) : {}
  } catch {
    console.error(`[quota] ${QUOTA_ENV} is not JSON; the default quotas apply`)
    return {}
  }
}

/** Refuses with RESOURCE_EXHAUSTED when today's quota of `name` is used up. */
export async function requireQuota(
  db: Database,
  name: QuotaName,
  who: { openid: string; communityId?: string | null },
  now: Date,
): Promise<void> {
  const kind: QuotaKind = QUOTAS[name]
  const limits = quotaLimits(name)
  const since = db.command['gte']!(startOfShanghaiDay(now))
  const records = db.collection(kind.collection)
  const communityLimit = kind.communityField && who.communityId ? limits.perCommunityPerDay : null
  const [mine, community] = await Promise.all([
    records.where({ [kind.userField]: who.openid, [kind.timeField]: since }).count(),
    communityLimit !== null && kind.communityField
      ? records.where({ [kind.communityField]: who.communityId, [kind.timeField]: since }).count()
      : null,
  ])
  if (mine.total >= limits.perUserPerDay) {
    throw new AppError(
      'RESOURCE_EXHAUSTED',
      `您今天已经提交了 ${limits.perUserPerDay} ${kind.what}，请明天再来；有急事请直接联系社区`,
    )
  }
  if (community && communityLimit !== null && community.total >= communityLimit) {
    throw new AppError(
      'RESOURCE_EXHAUSTED',
      `本社区今天收到的${kind.what.slice(1)}已经很多了，请明天再提交；有急事请直接联系社区`,
    )
  }
}
