import { z } from 'zod'
import { appendAudit } from '../../shared/audit'
import { COLLECTIONS, type BuildingDoc, type HouseholdDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { getBuilding } from '../../shared/lookups'

const range = (label: string, max: number) =>
  z
    .strictObject({
      from: z
        .number({ error: `请填写起始${label}` })
        .int()
        .min(1, { error: `${label}从 1 开始` })
        .max(max),
      to: z
        .number({ error: `请填写结束${label}` })
        .int()
        .min(1)
        .max(max, { error: `${label}最多到 ${max}` }),
    })
    .refine((r) => r.from <= r.to, { error: `起始${label}不能大于结束${label}` })

/** Rooms in bulk, floors × rooms per floor (3楼2号 → 302). Existing rooms are kept as they are. */
export const importHouseholds = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    floors: range('楼层', 60),
    roomsPerFloor: range('房号', 30),
  }),
  async run({ buildingId, floors, roomsPerFloor }, context) {
    const db = context.cloud.database()
    const building = await getBuilding(db, buildingId)
    const now = context.now()
    const wanted: HouseholdDoc[] = []
    for (let floor = floors.from; floor <= floors.to; floor++) {
      for (let number = roomsPerFloor.from; number <= roomsPerFloor.to; number++) {
        const room = `${floor}${String(number).padStart(2, '0')}`
        wanted.push({
          _id: `h-${buildingId.replace(/^b-/, '')}-${room}`,
          communityId: building.communityId,
          estateId: building.estateId,
          buildingId,
          room,
          floor,
          partyMember: false,
          vacant: false,
          createdAt: now,
        })
      }
    }
    const households = db.collection<HouseholdDoc>(COLLECTIONS.households)
    const existing = new Set<string>()
    for (let skip = 0; ; skip += 1000) {
      const { data } = await households
        .where({ buildingId })
        .field({ room: true })
        .skip(skip)
        .limit(1000)
        .get()
      data.forEach((h) => existing.add(h.room))
      if (data.length < 1000) break
    }
    const fresh = wanted.filter((h) => !existing.has(h.room))
    for (let i = 0; i < fresh.length; i += 200)
      await households.add({ data: fresh.slice(i, i + 200) })
    const householdCount = (await households.where({ buildingId }).count()).total
    await db
      .collection<BuildingDoc>(COLLECTIONS.buildings)
      .doc(buildingId)
      .update({ data: { householdCount } })
    await appendAudit(db, {
      actor: context.openid,
      action: 'community.importHouseholds',
      target: { collection: COLLECTIONS.buildings, id: buildingId },
      communityId: building.communityId,
      before: { householdCount: building.householdCount },
      after: { householdCount, floors, roomsPerFloor, created: fresh.length },
    })
    return { created: fresh.length, skipped: wanted.length - fresh.length, householdCount }
  },
})
