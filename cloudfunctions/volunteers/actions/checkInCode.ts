import type { CheckInCodeView } from '../../../typings/volunteers'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { getProject } from '../lib/access'
import { requireCheckTime, secretOf } from '../lib/checkin'
import { checkInCode as codeOf, expiresAt, minuteOf } from '../lib/codes'
import { projectId } from '../lib/fields'
import { scenes, wxacode } from '../lib/qr'

/**
 * The organiser's check-in code for this minute, as digits and as a mini-program code whose
 * scene (`c=<projectId>&k=<code>`) checks the scanning volunteer in. The page asks again every
 * minute; a code is accepted for the minute shown and the next.
 */
export const checkInCode = defineAction({
  input: input({ projectId: projectId() }),
  async run({ projectId: id }, context): Promise<CheckInCodeView> {
    const db = context.cloud.database()
    const project = await getProject(db, id)
    const now = context.now()
    requireCheckTime(project, now, 'checkOut')
    const code = codeOf(await secretOf(db, id), id, minuteOf(now))
    const scene = scenes.checkIn(id, code)
    return {
      projectId: id,
      code,
      expiresAt: expiresAt(now).toISOString(),
      qrImage: await wxacode(context.cloud, scene),
      scene,
    }
  },
})
