import type { ProjectDetail } from '../../../typings/volunteers'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { getProject } from '../lib/access'
import { projectId } from '../lib/fields'
import { projectDetail as detail } from '../lib/projects'

/**
 * A project as the caller sees it: the landing page of a shared card or QR code. A first-time
 * user gets it too (nothing of theirs is stored by looking); names on the list are masked for
 * anyone but staff and the organiser.
 */
export const projectDetail = defineAction({
  input: input({ projectId: projectId() }),
  async run({ projectId: id }, context): Promise<ProjectDetail> {
    const db = context.cloud.database()
    const [caller, project] = await Promise.all([context.caller(), getProject(db, id)])
    return detail(db, caller, project, context.now())
  },
})
