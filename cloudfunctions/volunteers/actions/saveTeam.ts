import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { TeamView } from '../../../typings/volunteers'
import { appendAudit } from '../../shared/audit'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { getLiveUser } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { docId, input, text } from '../../shared/validation'
import { getTeam, membershipId } from '../lib/access'
import { openid, teamId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type MembershipDoc, type TeamDoc } from '../lib/model'
import { myMemberships, teamViews } from '../lib/teams'

/** Makes `openid` an approved member (the leader always is one). */
async function ensureMember(db: Database, team: TeamDoc, member: string, now: Date) {
  const memberships = db.collection<MembershipDoc>(VOLUNTEER_COLLECTIONS.memberships)
  const key = membershipId(team._id, member)
  const { data } = await memberships.doc(key).get()
  if (data?.status === 'approved') return
  await memberships.doc(key).set({
    data: {
      teamId: team._id,
      communityId: team.communityId,
      openid: member,
      status: 'approved',
      requestedAt: data?.requestedAt ?? now,
      joinedAt: now,
      reviewedAt: now,
    },
  })
  await db
    .collection<TeamDoc>(VOLUNTEER_COLLECTIONS.teams)
    .doc(team._id)
    .update({ data: { memberCount: db.command['inc']!(1) } })
}

/**
 * Staff add a team to their community's alliance or change one: its name, what it does and its
 * leader (who becomes a member). Audited.
 */
export const saveTeam = defineAction({
  input: input({
    communityId: docId('社区'),
    teamId: teamId().optional(),
    name: text('队名', { max: 20 }),
    description: text('介绍', { max: 200 }).optional(),
    serviceTypes: z
      .array(text('服务类型', { max: 20 }), { error: '请填写服务类型' })
      .min(1, { error: '至少填写一种服务类型' })
      .max(10, { error: '服务类型最多 10 种' }),
    leaderOpenid: openid().nullable().optional(),
  }),
  async run(fields, context): Promise<TeamView> {
    const db = context.cloud.database()
    const caller = await context.caller()
    if (fields.leaderOpenid) await getLiveUser(db, fields.leaderOpenid)
    const now = context.now()
    const teams = db.collection<TeamDoc>(VOLUNTEER_COLLECTIONS.teams)
    let before: TeamDoc | null = null
    let team: TeamDoc
    if (fields.teamId) {
      before = await getTeam(db, fields.teamId)
      if (before.communityId !== fields.communityId)
        throw new AppError('PERMISSION_DENIED', '只能修改本社区的服务队')
      team = {
        ...before,
        name: fields.name,
        serviceTypes: fields.serviceTypes,
        ...(fields.description !== undefined ? { description: fields.description } : {}),
        ...(fields.leaderOpenid !== undefined ? { leaderOpenid: fields.leaderOpenid } : {}),
        updatedAt: now,
      }
      try {
        await teams.doc(team._id).update({
          data: {
            name: team.name,
            serviceTypes: db.command['set']!(team.serviceTypes),
            description: team.description ?? '',
            leaderOpenid: team.leaderOpenid,
            updatedAt: now,
          },
        })
      } catch (error) {
        if (isDuplicateKey(error)) throw new AppError('ALREADY_EXISTS', '本社区已有同名的服务队')
        throw error
      }
    } else {
      const id = `t-${createHash('sha256').update(`${fields.communityId}\u0000${fields.name}`).digest('hex').slice(0, 12)}`
      team = {
        _id: id,
        communityId: fields.communityId,
        name: fields.name,
        description: fields.description ?? '',
        serviceTypes: fields.serviceTypes,
        leaderOpenid: fields.leaderOpenid ?? null,
        memberCount: 0,
        createdAt: now,
      }
      try {
        await teams.add({ data: team })
      } catch (error) {
        if (isDuplicateKey(error)) throw new AppError('ALREADY_EXISTS', '本社区已有同名的服务队')
        throw error
      }
    }
    if (team.leaderOpenid) await ensureMember(db, team, team.leaderOpenid, now)
    await appendAudit(db, {
      actor: context.openid,
      action: before ? 'volunteers.updateTeam' : 'volunteers.createTeam',
      target: { collection: VOLUNTEER_COLLECTIONS.teams, id: team._id },
      communityId: team.communityId,
      before: before
        ? {
            name: before.name,
            serviceTypes: before.serviceTypes,
            leaderOpenid: before.leaderOpenid,
          }
        : null,
      after: { name: team.name, serviceTypes: team.serviceTypes, leaderOpenid: team.leaderOpenid },
    })
    const { data: saved } = await teams.doc(team._id).get()
    const [view] = await teamViews(
      db,
      caller,
      [saved ?? team],
      await myMemberships(db, context.openid),
    )
    return view!
  },
})
