/**
 * The places of the demo, from the report on Jiaocheng District, Ningde: real communities,
 * estates and the building adopted by the city's publicity department. Rooms and people are
 * fictional.
 */
export interface DemoEstate {
  id: string
  name: string
  buildings: Array<{ number: string; floors: number; roomsPerFloor: number }>
}

export interface DemoCommunity {
  id: string
  name: string
  street: string
  estates: DemoEstate[]
}

const building = (number: string, floors = 6, roomsPerFloor = 2) => ({
  number,
  floors,
  roomsPerFloor,
})

export const DEMO_COMMUNITIES: DemoCommunity[] = [
  {
    id: 'c-hefeng',
    name: '鹤峰社区',
    street: '蕉北街道',
    estates: [
      {
        id: 'e-jiguang',
        name: '继光花苑',
        buildings: ['1号楼', '2号楼', '3号楼', '4号楼', '5号楼', '6号楼'].map((n) => building(n)),
      },
    ],
  },
  {
    id: 'c-wanda',
    name: '万达社区',
    street: '蕉北街道',
    estates: [
      {
        id: 'e-wanda-huacheng',
        name: '万达华城',
        buildings: ['1号楼', '2号楼', '3号楼'].map((n) => building(n, 18, 4)),
      },
    ],
  },
  {
    id: 'c-jinxi',
    name: '金溪社区',
    street: '金涵畲族乡',
    estates: [
      {
        id: 'e-jinhan-2b',
        name: '金涵小区二期B区',
        buildings: ['15号楼', '16号楼', '17号楼', '18号楼'].map((n) => building(n, 11, 4)),
      },
      {
        id: 'e-jinhan-3',
        name: '金涵小区三期',
        buildings: ['1号楼', '2号楼'].map((n) => building(n, 11, 4)),
      },
    ],
  },
]

/** 近邻志愿同盟: the ten teams of 金溪社区 named in the report, with what they do. */
export const DEMO_VOLUNTEER_TEAMS: Array<{
  id: string
  name: string
  serviceTypes: string[]
  description: string
}> = [
  {
    id: 't-qizhi-xianfeng',
    name: '旗帜先锋',
    serviceTypes: ['理论宣传', '党员先锋'],
    description: '党员打头阵，理论宣传进楼道。',
  },
  {
    id: 't-jiangxi-qibing',
    name: '讲习骑兵',
    serviceTypes: ['道德宣讲', '政策宣讲'],
    description: '把政策和身边的好人好事讲给邻居听。',
  },
  {
    id: 't-benxiang-fengjing',
    name: '畚乡枫警',
    serviceTypes: ['社区治安', '巡逻'],
    description: '每天定时定点巡逻，小区居民都很安心。',
  },
  {
    id: 't-lvdong-xianfeng',
    name: '律动先锋',
    serviceTypes: ['法律咨询', '矛盾纠纷调解'],
    description: '法律咨询、矛盾纠纷调解。',
  },
  {
    id: 't-weilan-xingkong',
    name: '蔚蓝星空',
    serviceTypes: ['环境卫生', '交通劝导'],
    description: '环境卫生与交通劝导。',
  },
  {
    id: 't-keyan-keyu',
    name: '科言科语',
    serviceTypes: ['科教宣传'],
    description: '科普知识进社区。',
  },
  {
    id: 't-xinghuo-xiyang',
    name: '星火夕阳',
    serviceTypes: ['便民利民', '关爱老人'],
    description: '退休党员发挥余热，便民利民、关爱老人。',
  },
  {
    id: 't-yixin-yiyi',
    name: '医心医意',
    serviceTypes: ['送医送药', '健康咨询'],
    description: '送医送药、健康咨询。',
  },
  {
    id: 't-lvzhou-kehou',
    name: '绿洲课后',
    serviceTypes: ['课后辅导'],
    description: '寒暑假为社区青少年免费辅导课业。',
  },
  {
    id: 't-jinlin-yijia',
    name: '金邻一家',
    serviceTypes: ['邻里互助'],
    description: '邻里互助，有事找找志愿者。',
  },
]

export function buildingId(estateId: string, number: string): string {
  return `b-${estateId.slice(2)}-${number.replace('号楼', '')}`
}

export function householdId(buildingKey: string, room: string): string {
  return `h-${buildingKey.slice(2)}-${room}`
}
