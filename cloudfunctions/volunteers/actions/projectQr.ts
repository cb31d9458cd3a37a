import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { getProject } from '../lib/access'
import { projectId } from '../lib/fields'
import { scenes, wxacode } from '../lib/qr'

/**
 * The project's mini-program code for posters and group chats: scanning it opens the project
 * page (scene `p=<id>`). For staff, the organiser and leaders of invited teams.
 */
export const projectQr = defineAction({
  input: input({ projectId: projectId() }),
  async run({ projectId: id }, context) {
    // Who may (staff, the organiser, invited teams' leaders): volunteersPolicy.
    await getProject(context.cloud.database(), id)
    const scene = scenes.project(id)
    return { qrImage: await wxacode(context.cloud, scene), scene }
  },
})
