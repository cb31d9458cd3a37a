import type { Database } from '../../shared/cloud'
import { COLLECTIONS, type UserDoc } from '../../shared/model'
import { isDuplicateKey } from '../../shared/idempotency'

/**
 * Records consent (which version, when) and so starts, or starts again, the caller's user
 * document: the only way one is created. Someone who deleted their data comes back as a new
 * neighbour, with no name, phone or role from before.
 */
export async function agreeAndEnsureUser(
  db: Database,
  openid: string,
  privacyAgreed: { version: string; at: Date },
): Promise<void> {
  const users = db.collection<UserDoc>(COLLECTIONS.users)
  const { data } = await users.doc(openid).get()
  if (data && !data.deleted) {
    await users.doc(openid).update({ data: { privacyAgreed } })
    return
  }
  if (data) {
    await users.doc(openid).update({
      data: {
        displayName: '邻居',
        deleted: db.command['remove']!(),
        privacyAgreed,
        updatedAt: privacyAgreed.at,
      },
    })
    return
  }
  const user: UserDoc = {
    _id: openid,
    openid,
    displayName: '邻居',
    roles: [],
    privacyAgreed,
    createdAt: privacyAgreed.at,
  }
  try {
    await users.add({ data: user })
  } catch (error) {
    // A concurrent first call created it: record this consent on it.
    if (!isDuplicateKey(error)) throw error
    await users.doc(openid).update({ data: { privacyAgreed } })
  }
}
