import type { ProjectDetail } from '../../../typings/volunteers'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { docId, input, requestId } from '../../shared/validation'
import { projectFromRequest } from '../lib/help'
import { VOLUNTEER_COLLECTIONS, type HelpRequestDoc, type TeamDoc } from '../lib/model'
import { launchProject, projectDetail, projectIdFor } from '../lib/projects'

/**
 * One tap: staff turn a request for help into a project (times, places and invited teams
 * filled in from the request, see projectFromRequest). Two staff tapping at once make one.
 */
export const convertHelpRequest = defineAction({
  input: input({ helpRequestId: docId('求助'), requestId: requestId() }),
  async run({ helpRequestId, requestId: clientRequestId }, context): Promise<ProjectDetail> {
    const db = context.cloud.database()
    const caller = await context.caller()
    const now = context.now()
    const { data: request } = await db
      .collection<HelpRequestDoc>(VOLUNTEER_COLLECTIONS.helpRequests)
      .doc(helpRequestId)
      .get()
    if (!request) throw new AppError('NOT_FOUND', '没有找到这条求助')
    const id = projectIdFor(context.openid, clientRequestId)
    // A repeat passes here; launchProject answers the project it made.
    if (request.status !== 'open' && request.projectId !== id)
      throw new AppError('FAILED_PRECONDITION', '这条求助已经处理过了')
    const { data: teams } = await db
      .collection<TeamDoc>(VOLUNTEER_COLLECTIONS.teams)
      .where({ communityId: request.communityId })
      .limit(200)
      .get()
    const project = await launchProject(
      db,
      caller,
      projectFromRequest(request, teams, now),
      clientRequestId,
      now,
    )
    return projectDetail(db, caller, project, now)
  },
})
