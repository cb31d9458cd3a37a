/** Where a volunteers action acts, for its policy rule. */
import { byIds } from '../../shared/lookups'
import type { Scope, Target } from '../../shared/policy'
import { ofRecord } from '../../shared/scopes'
import { getProject, getTeam } from './access'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type TeamDoc } from './model'

const projectPlace = (project: ProjectDoc): Target => ({
  communityId: project.communityId,
  relations: { organiser: [project.organiserOpenid] },
})

/** A project, in its community, with its organiser. */
export const ofProject: Scope<{ projectId: string }> = {
  describe: '志愿项目 `projectId`',
  resolve: async (db, input) => projectPlace(await getProject(db, input.projectId)),
}

/** A project, with its organiser and the leaders of the teams invited to it. */
export const ofProjectAndTeams: Scope<{ projectId: string }> = {
  describe: '志愿项目 `projectId`（含受邀服务队）',
  async resolve(db, input) {
    const project = await getProject(db, input.projectId)
    const teams = await byIds<TeamDoc>(db, VOLUNTEER_COLLECTIONS.teams, project.invitedTeamIds)
    const place = projectPlace(project)
    return {
      ...place,
      relations: {
        ...place.relations,
        teamLeader: [...teams.values()].flatMap((t) => (t.leaderOpenid ? [t.leaderOpenid] : [])),
      },
    }
  },
}

/** A team, in its community, with its leader. */
export const ofTeam: Scope<{ teamId: string }> = {
  describe: '服务队 `teamId`',
  async resolve(db, input) {
    const team = await getTeam(db, input.teamId)
    return {
      communityId: team.communityId,
      relations: { teamLeader: team.leaderOpenid ? [team.leaderOpenid] : [] },
    }
  },
}

/** A person's membership of a team: the person may not review it. */
export const ofMembership: Scope<{ teamId: string; openid: string }> = {
  describe: '服务队 `teamId` 的队员 `openid`',
  async resolve(db, input) {
    return { ...(await ofTeam.resolve(db, input, '')), subject: input.openid }
  },
}

export const ofHelpRequest = ofRecord(
  'helpRequestId',
  VOLUNTEER_COLLECTIONS.helpRequests,
  '求助',
  { requester: 'openid' },
  '条',
)
