/**
 * The .xlsx of a community's volunteer service records for a month, with the fields of
 * 志愿服务记录办法 (person, service content, time, hours, organising body, evaluation), and a
 * sheet of totals per team. Read 1000 records at a time by _id, so a month of any size is whole.
 */
import type ExcelJS from 'exceljs'
import type { ServiceRecord } from '../../../typings/volunteers'
import type { Database } from '../../shared/cloud'
import { formatShanghai } from '../../shared/time'
import { VOLUNTEER_COLLECTIONS, type SignupDoc } from './model'
import { hoursOf } from './rules'
import { serviceRecord, teamNames } from './views'

const BATCH = 1000

export async function monthRecords(
  db: Database,
  communityId: string,
  month: string,
): Promise<ServiceRecord[]> {
  const docs: SignupDoc[] = []
  let after = ''
  for (;;) {
    const { data } = await db
      .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
      .where({
        communityId,
        month,
        hoursStatus: 'confirmed',
        ...(after ? { _id: db.command['gt']!(after) } : {}),
      })
      .orderBy('_id', 'asc')
      .limit(BATCH)
      .get()
    docs.push(...data)
    if (data.length < BATCH) break
    after = data[data.length - 1]!._id
  }
  const names = await teamNames(
    db,
    docs.map((s) => s.teamId),
  )
  return docs
    .map((s) => serviceRecord(s, s.teamId ? (names.get(s.teamId) ?? null) : null))
    .sort(
      (a, b) =>
        a.startAt.localeCompare(b.startAt) ||
        a.projectId.localeCompare(b.projectId) ||
        a.volunteerName.localeCompare(b.volunteerName, 'zh-CN'),
    )
}

export const RECORD_COLUMNS: Array<{ header: string; key: string; width: number }> = [
  { header: '序号', key: 'index', width: 8 },
  { header: '志愿者姓名', key: 'volunteerName', width: 14 },
  { header: '所属服务队', key: 'teamName', width: 14 },
  { header: '服务内容', key: 'serviceContent', width: 36 },
  { header: '服务地点', key: 'place', width: 24 },
  { header: '服务日期', key: 'serviceDate', width: 12 },
  { header: '开始时间', key: 'start', width: 18 },
  { header: '结束时间', key: 'end', width: 18 },
  { header: '服务时长（小时）', key: 'hours', width: 16 },
  { header: '组织单位', key: 'organisingBody', width: 20 },
  { header: '服务评价', key: 'evaluation', width: 10 },
  { header: '记录时间', key: 'confirmedAt', width: 18 },
]

export async function recordsWorkbook(
  title: string,
  records: ServiceRecord[],
): Promise<{ buffer: Buffer; totalMinutes: number }> {
  // Loaded only here: the rest of the function does not pay for it.
  const { default: Excel } = (await import('exceljs')) as unknown as {
    default: typeof ExcelJS
  }
  const workbook = new Excel.Workbook()
  workbook.creator = '近邻'
  workbook.created = new Date()
  const sheet = workbook.addWorksheet('志愿服务记录')
  sheet.columns = RECORD_COLUMNS
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  let totalMinutes = 0
  records.forEach((r, i) => {
    totalMinutes += r.minutes
    sheet.addRow({
      index: i + 1,
      volunteerName: r.volunteerName,
      teamName: r.teamName ?? '个人',
      serviceContent: r.serviceContent,
      place: r.place,
      serviceDate: r.serviceDate,
      start: formatShanghai(r.startAt, 'YYYY-MM-DD HH:mm'),
      end: formatShanghai(r.endAt, 'YYYY-MM-DD HH:mm'),
      hours: r.hours,
      organisingBody: r.organisingBody,
      evaluation: r.evaluationLabel,
      confirmedAt: formatShanghai(r.confirmedAt, 'YYYY-MM-DD HH:mm'),
    })
  })
  const total = sheet.addRow({ volunteerName: '合计', hours: hoursOf(totalMinutes) })
  total.font = { bold: true }

  const byTeam = workbook.addWorksheet('按服务队汇总')
  byTeam.columns = [
    { header: '服务队', key: 'team', width: 16 },
    { header: '服务人次', key: 'services', width: 12 },
    { header: '服务时长（小时）', key: 'hours', width: 16 },
  ]
  byTeam.getRow(1).font = { bold: true }
  const teams = new Map<string, { services: number; minutes: number }>()
  for (const r of records) {
    const key = r.teamName ?? '个人'
    const t = teams.get(key) ?? { services: 0, minutes: 0 }
    t.services += 1
    t.minutes += r.minutes
    teams.set(key, t)
  }
  for (const [team, t] of [...teams].sort((a, b) => b[1].minutes - a[1].minutes))
    byTeam.addRow({ team, services: t.services, hours: hoursOf(t.minutes) })
  const info = workbook.addWorksheet('说明')
  info.addRow([title])
  info.addRow([
    '依据《志愿服务记录与证明出具办法》记录：志愿者、服务内容、服务时间、服务时长、组织单位、服务评价。',
  ])
  info.addRow([`导出时间：${formatShanghai(new Date(), 'YYYY-MM-DD HH:mm')}（北京时间）`])

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  return { buffer, totalMinutes }
}
