import type { PassView } from '../../../typings/volunteers'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { myPlace, requireCheckTime, secretOf } from '../lib/checkin'
import { expiresAt, minuteOf, passSignature } from '../lib/codes'
import { projectId } from '../lib/fields'
import { scenes, wxacode } from '../lib/qr'

/**
 * My pass for the organiser to scan, when I cannot scan theirs (an old phone, a crowd): my pass
 * code signed with this minute, valid this minute and the next.
 */
export const myPass = defineAction({
  input: input({ projectId: projectId() }),
  async run({ projectId: id }, context): Promise<PassView> {
    const db = context.cloud.database()
    const { project, signup } = await myPlace(db, id, context.openid)
    const now = context.now()
    requireCheckTime(project, now, 'checkOut')
    const pass = `${signup.passCode}${passSignature(await secretOf(db, id), signup.passCode, minuteOf(now))}`
    const scene = scenes.pass(pass)
    return {
      projectId: id,
      pass,
      expiresAt: expiresAt(now).toISOString(),
      qrImage: await wxacode(context.cloud, scene),
      scene,
    }
  },
})
