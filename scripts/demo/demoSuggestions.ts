/**
 * Matters of 继光花苑3号楼 in every state, so that each demo user has something to do: 黄大伯 has
 * one to confirm, 陈建国 one to handle, 林晓红 one to accept, and the 民意墙 shows what was done.
 */
import {
  NOT_YET_HANDLED,
  type SuggestionDoc,
  type TimelineDoc,
} from '../../cloudfunctions/suggestions/lib/model'
import { monthKey } from '../../cloudfunctions/shared/time'

const HOUR = 3_600_000
const RESIDENT = 'demo-resident-huang'
const HEAD = 'demo-head-jiguang-3'
const STAFF = 'demo-staff-hefeng'

function matter(
  id: string,
  createdAt: Date,
  fields: Partial<SuggestionDoc> & Pick<SuggestionDoc, 'title' | 'description' | 'category'>,
  timeline: Array<Omit<TimelineDoc, 'at'> & { hoursLater: number }>,
): SuggestionDoc {
  const steps = timeline.map(({ hoursLater, ...entry }) => ({
    ...entry,
    at: new Date(createdAt.getTime() + hoursLater * HOUR),
  }))
  const last = steps[steps.length - 1]?.at ?? createdAt
  return {
    _id: id,
    communityId: 'c-hefeng',
    estateId: 'e-jiguang',
    buildingId: 'b-jiguang-3',
    buildingName: '继光花苑 3号楼',
    place: null,
    photos: [],
    ownerOpenid: RESIDENT,
    reporterName: '黄大伯',
    showName: false,
    householdId: 'h-jiguang-3-301',
    onBehalf: null,
    ...NOT_YET_HANDLED,
    month: monthKey(createdAt),
    createdAt,
    updatedAt: last,
    version: steps.length,
    ...fields,
    timeline: [
      {
        at: createdAt,
        actorRole: 'reporter',
        actor: fields.ownerOpenid ?? RESIDENT,
        kind: 'submitted',
      },
      ...steps,
    ],
  }
}

const headHandler = { openid: HEAD, name: '陈建国', role: 'buildingHead' as const }

export function demoSuggestions(now: Date): SuggestionDoc[] {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR)
  return [
    matter(
      'sg-demo-lamp',
      ago(24 * 12),
      {
        category: 'repair',
        title: '单元门口的路灯不亮',
        description: '3号楼单元门口的路灯坏了，晚上老人进出看不清台阶。',
        status: 'closed',
        handler: headHandler,
        handlerOpenid: HEAD,
        dueAt: ago(24 * 9),
        firstResponseAt: ago(24 * 12 - 2),
        firstResponseMinutes: 120,
        resolvedAt: ago(24 * 10),
        resolutionMinutes: 48 * 60,
        closedAt: ago(24 * 9),
        satisfaction: 5,
        reply: '已联系电工更换灯具，并加装了感应开关。',
      },
      [
        {
          hoursLater: 2,
          actorRole: 'staff',
          actor: STAFF,
          kind: 'accepted',
          text: '已收到，马上安排。',
        },
        {
          hoursLater: 3,
          actorRole: 'staff',
          actor: STAFF,
          kind: 'assigned',
          text: '派给楼栋长陈建国，3天内办结',
        },
        {
          hoursLater: 48,
          actorRole: 'handler',
          actor: HEAD,
          kind: 'resolved',
          text: '已联系电工更换灯具，并加装了感应开关。',
        },
        {
          hoursLater: 72,
          actorRole: 'reporter',
          actor: RESIDENT,
          kind: 'confirmed',
          text: '满意度 5 星：晚上亮堂多了',
        },
      ],
    ),
    matter(
      'sg-demo-handrail',
      ago(24 * 4),
      {
        category: 'repair',
        title: '三楼楼梯扶手松动',
        description: '三楼到四楼的扶手有一段松了，扶着晃得厉害。',
        place: '三楼楼梯',
        status: 'resolved',
        handler: headHandler,
        handlerOpenid: HEAD,
        dueAt: ago(24),
        firstResponseAt: ago(24 * 4 - 1),
        firstResponseMinutes: 60,
        resolvedAt: ago(20),
        resolutionMinutes: 24 * 4 * 60 - 20 * 60,
        reply: '已请师傅重新固定扶手螺丝，请您试一试。',
      },
      [
        {
          hoursLater: 1,
          actorRole: 'staff',
          actor: STAFF,
          kind: 'accepted',
          text: '收到，请楼栋长看看。',
        },
        {
          hoursLater: 1.5,
          actorRole: 'staff',
          actor: STAFF,
          kind: 'assigned',
          text: '派给楼栋长陈建国，3天内办结',
        },
        {
          hoursLater: 24 * 4 - 20,
          actorRole: 'handler',
          actor: HEAD,
          kind: 'resolved',
          text: '已请师傅重新固定扶手螺丝，请您试一试。',
        },
      ],
    ),
    matter(
      'sg-demo-charging',
      ago(30),
      {
        category: 'safety',
        title: '有人在楼道给电动车充电',
        description: '二楼楼道有电动车拉线充电，担心起火。',
        place: '二楼楼道',
        status: 'assigned',
        handler: headHandler,
        handlerOpenid: HEAD,
        dueAt: new Date(now.getTime() + 48 * HOUR),
        firstResponseAt: ago(29),
        firstResponseMinutes: 60,
      },
      [
        {
          hoursLater: 1,
          actorRole: 'staff',
          actor: STAFF,
          kind: 'accepted',
          text: '安全隐患，优先处理。',
        },
        {
          hoursLater: 1.2,
          actorRole: 'staff',
          actor: STAFF,
          kind: 'assigned',
          text: '派给楼栋长陈建国，请上门劝导',
        },
      ],
    ),
    matter(
      'sg-demo-garden',
      ago(5),
      {
        category: 'environment',
        title: '花坛杂草太多',
        description: '楼前花坛很久没人打理，杂草长到半人高，还有蚊子。',
      },
      [],
    ),
    matter(
      'sg-demo-leak',
      ago(3),
      {
        category: 'livelihood',
        title: '502 王奶奶家门口漏水',
        description: '王奶奶没有智能手机，托楼栋长反映：家门口的水管接头漏水。',
        ownerOpenid: HEAD,
        reporterName: '王奶奶',
        householdId: 'h-jiguang-3-502',
        onBehalf: { residentName: '王奶奶', room: '502', filedBy: HEAD },
      },
      [],
    ),
  ]
}
