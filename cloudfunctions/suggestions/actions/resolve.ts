import { checkText } from '../../shared/contentCheck'
import { photoIds, requireOwnUploads } from '../../shared/files'
import { defineAction } from '../../shared/router'
import { docId, input, text } from '../../shared/validation'
import { applyMove, minutesBetween } from '../lib/lifecycle'
import { runMove } from '../lib/moveAction'
import { noticeResolved } from '../lib/notices'

/** 办结: the handler says what was done, with photos if any; the reporter is asked to confirm. */
export const resolve = defineAction({
  input: input({
    id: docId('建议'),
    reply: text('办理结果', { max: 500 }),
    photos: photoIds(9).optional(),
  }),
  run: ({ id, reply, photos = [] }, context) =>
    runMove(
      context,
      id,
      'resolve',
      async ({ db, item, now }) => {
        await requireOwnUploads(db, context.cloud, context.openid, photos)
        await checkText(context.cloud, context.openid, reply, 2)
        return applyMove(
          db,
          item,
          'resolve',
          {
            at: now,
            actorRole: 'handler',
            actor: context.openid,
            kind: 'resolved',
            text: reply,
            ...(photos.length > 0 ? { photos } : {}),
          },
          {
            resolvedAt: now,
            resolutionMinutes: minutesBetween(item.createdAt, now),
            reply,
            replyPhotos: photos,
          },
        )
      },
      (updated, { now }) => noticeResolved(context.cloud, updated, reply, now),
    ),
})
