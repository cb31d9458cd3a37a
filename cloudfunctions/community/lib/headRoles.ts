/**
 * A building head is recorded twice: in the user's roles (what they may do) and in the
 * building's heads (who to show and notify). Both change in one transaction.
 */
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { COLLECTIONS, type BuildingDoc, type Role, type UserDoc } from '../../shared/model'

export async function setBuildingHead(
  db: Database,
  building: BuildingDoc,
  openid: string,
  appoint: boolean,
): Promise<BuildingDoc> {
  return db.runTransaction(async (transaction) => {
    const users = transaction.collection<UserDoc>(COLLECTIONS.users)
    const buildings = transaction.collection<BuildingDoc>(COLLECTIONS.buildings)
    const { data: user } = await users.doc(openid).get()
    if (!user || user.deleted)
      throw new AppError('NOT_FOUND', '没有找到这个用户，请让他先打开一次小程序')
    const { data: current } = await buildings.doc(building._id).get()
    if (!current) throw new AppError('NOT_FOUND', '没有找到这个楼栋')
    const isHead = (r: Role) => r.role === 'buildingHead' && r.buildingId === building._id
    const roles = user.roles.filter((r) => !isHead(r))
    const heads = current.headOpenids.filter((id) => id !== openid)
    if (appoint) {
      roles.push({
        role: 'buildingHead',
        communityId: building.communityId,
        buildingId: building._id,
      })
      heads.push(openid)
    } else if (heads.length === current.headOpenids.length) {
      throw new AppError('FAILED_PRECONDITION', '这位用户不是本楼的楼栋长')
    }
    await users.doc(openid).update({ data: { roles: db.command['set']!(roles) } })
    await buildings.doc(building._id).update({ data: { headOpenids: db.command['set']!(heads) } })
    return { ...current, headOpenids: heads }
  })
}
