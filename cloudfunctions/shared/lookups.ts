/** Loads a document the caller named, or answers NOT_FOUND in words a person understands. */
import type { Database } from './cloud'
import { AppError } from './errors'
import {
  COLLECTIONS,
  type BindingDoc,
  type BuildingDoc,
  type CommunityDoc,
  type EstateDoc,
  type HouseholdDoc,
  type UserDoc,
} from './model'

/**
 * A document by id, or NOT_FOUND naming what was missing with its measure word (`没有找到这个楼栋`,
 * `没有找到这张收据`).
 */
export async function load<T>(
  db: Database,
  collection: string,
  id: string,
  what: string,
  measure = '个',
): Promise<T & { _id: string }> {
  const { data } = await db.collection<T>(collection).doc(id).get()
  if (!data) throw new AppError('NOT_FOUND', `没有找到这${measure}${what}`)
  return data
}

export const getCommunity = (db: Database, id: string) =>
  load<CommunityDoc>(db, COLLECTIONS.communities, id, '社区')
export const getEstate = (db: Database, id: string) =>
  load<EstateDoc>(db, COLLECTIONS.estates, id, '小区')
export const getBuilding = (db: Database, id: string) =>
  load<BuildingDoc>(db, COLLECTIONS.buildings, id, '楼栋')
export const getHousehold = (db: Database, id: string) =>
  load<HouseholdDoc>(db, COLLECTIONS.households, id, '房屋')
export const getBinding = (db: Database, id: string) =>
  load<BindingDoc>(db, COLLECTIONS.bindings, id, '绑定申请')

export async function getLiveUser(db: Database, openid: string): Promise<UserDoc> {
  const user = await load<UserDoc>(db, COLLECTIONS.users, openid, '用户')
  if (user.deleted) throw new AppError('NOT_FOUND', '这个用户已注销')
  return user
}

/** Documents by id, fetched 100 at a time (a query's page). */
export async function byIds<T>(
  db: Database,
  collection: string,
  ids: string[],
): Promise<Map<string, T & { _id: string }>> {
  const unique = [...new Set(ids)]
  const found = new Map<string, T & { _id: string }>()
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100)
    const { data } = await db
      .collection<T>(collection)
      .where({ _id: db.command['in']!(chunk) })
      .limit(chunk.length)
      .get()
    for (const doc of data) found.set(doc._id, doc)
  }
  return found
}
