import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { COLLECTIONS, type UserDoc } from '../../shared/model'
import { isDuplicateKey } from '../../shared/idempotency'

/** The caller's user document, created on first need with a neutral display name. */
export async function ensureUser(db: Database, openid: string): Promise<UserDoc> {
  const users = db.collection<UserDoc>(COLLECTIONS.users)
  const { data } = await users.doc(openid).get()
  if (data) {
    if (data.deleted)
      throw new AppError(
        'FAILED_PRECONDITION',
        '您的资料已删除，如需继续使用请重新同意隐私保护指引',
      )
    return data
  }
  const user: UserDoc = {
    _id: openid,
    openid,
    displayName: '邻居',
    roles: [],
    createdAt: new Date(),
  }
  try {
    await users.add({ data: user })
  } catch (error) {
    // A concurrent first call created it: that one is as good.
    if (!isDuplicateKey(error)) throw error
  }
  return user
}
