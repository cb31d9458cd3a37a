import { isStaffOf } from '../../shared/caller'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { getProject, isOrganiser, leads } from '../lib/access'
import { projectId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type TeamDoc } from '../lib/model'
import { byIds } from '../../shared/lookups'
import { scenes, wxacode } from '../lib/qr'

/**
 * The project's mini-program code for posters and group chats: scanning it opens the project
 * page (scene `p=<id>`). For staff, the organiser and leaders of invited teams.
 */
export const projectQr = defineAction({
  input: input({ projectId: projectId() }),
  async run({ projectId: id }, context) {
    const db = context.cloud.database()
    const [caller, project] = await Promise.all([context.caller(), getProject(db, id)])
    const teams = await byIds<TeamDoc>(db, VOLUNTEER_COLLECTIONS.teams, project.invitedTeamIds)
    const leader = [...teams.values()].some((t) => leads(context, t))
    if (!isStaffOf(caller, project.communityId) && !isOrganiser(caller, project) && !leader)
      throw new AppError(
        'PERMISSION_DENIED',
        '只有组织者、工作人员和受邀服务队的队长可以生成项目码',
      )
    const scene = scenes.project(id)
    return { qrImage: await wxacode(context.cloud, scene), scene }
  },
})
