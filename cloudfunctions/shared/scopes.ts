/**
 * Scopes of the community structure: how a policy rule finds the target's place from the field
 * of the input that names it. Domain functions add their own (a matter, a project) beside these.
 */
import { getBinding, getBuilding, getCommunity, getEstate, getHousehold, load } from './lookups'
import type { RelationGrant, Scope } from './policy'

type Named<K extends string> = { [P in K]: string }

export function inCommunity<K extends string>(field: K): Scope<Named<K>> {
  return {
    describe: `社区 \`${field}\``,
    async resolve(db, input) {
      const community = await getCommunity(db, input[field])
      return { communityId: community._id }
    },
  }
}

/** A community named by `communityField`, about the person named by `subjectField`. */
export function aboutPersonIn<K extends string, S extends string>(
  communityField: K,
  subjectField: S,
): Scope<Named<K> & Named<S>> {
  return {
    describe: `社区 \`${communityField}\`，对象 \`${subjectField}\``,
    async resolve(db, input, openid) {
      const place = await inCommunity(communityField).resolve(db, input, openid)
      return { ...place, subject: input[subjectField] }
    },
  }
}

export function inEstate<K extends string>(field: K): Scope<Named<K>> {
  return {
    describe: `小区 \`${field}\``,
    async resolve(db, input) {
      const estate = await getEstate(db, input[field])
      return { communityId: estate.communityId }
    },
  }
}

export function inBuilding<K extends string>(field: K): Scope<Named<K>> {
  return {
    describe: `楼栋 \`${field}\``,
    async resolve(db, input) {
      const building = await getBuilding(db, input[field])
      return { communityId: building.communityId, buildingId: building._id }
    },
  }
}

export function inHousehold<K extends string>(field: K): Scope<Named<K>> {
  return {
    describe: `房屋 \`${field}\``,
    async resolve(db, input) {
      const household = await getHousehold(db, input[field])
      return {
        communityId: household.communityId,
        buildingId: household.buildingId,
        householdId: household._id,
      }
    },
  }
}

/** A binding request: in its building, asked by its requester (who may not review it). */
export function ofBinding<K extends string>(field: K): Scope<Named<K>> {
  return {
    describe: `绑定申请 \`${field}\``,
    async resolve(db, input) {
      const binding = await getBinding(db, input[field])
      return {
        communityId: binding.communityId,
        buildingId: binding.buildingId,
        householdId: binding.householdId,
        relations: { requester: [binding.openid] },
        subject: binding.openid,
      }
    },
  }
}

/**
 * A record of `collection` that carries its place (`communityId`, and `buildingId`,
 * `householdId` where it has them), the openids of the relations `relations` names and, with
 * `subjectField`, the person it is about (who may not decide on it).
 */
export function ofRecord<K extends string>(
  field: K,
  collection: string,
  what: string,
  relations: Partial<Record<RelationGrant, string>> = {},
  measure = '个',
  subjectField?: string,
): Scope<Named<K>> {
  return {
    describe: `${what} \`${field}\``,
    async resolve(db, input) {
      const record = await load<Record<string, unknown>>(
        db,
        collection,
        input[field],
        what,
        measure,
      )
      const people = (key: string): string[] => {
        const value = record[key]
        if (typeof value === 'string') return [value]
        return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
      }
      return {
        communityId: String(record['communityId']),
        buildingId: typeof record['buildingId'] === 'string' ? record['buildingId'] : null,
        householdId: typeof record['householdId'] === 'string' ? record['householdId'] : null,
        relations: Object.fromEntries(
          Object.entries(relations).map(([grant, key]) => [grant, people(key)]),
        ),
        subject: subjectField ? (people(subjectField)[0] ?? null) : null,
      }
    },
  }
}
