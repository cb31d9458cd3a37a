/**
 * Conformance: aggregation operators answer as MongoDB, which CloudBase runs, documents them. One
 * test per behaviour, each quoting the page it pins.
 */
import { startTestCloud, type TestCloud } from './support/testCloud'
import { rejectionOf } from './support/wxServerSdk'

let t: TestCloud
let db: any
let $: any

beforeAll(async () => {
  t = await startTestCloud()
  db = t.db
  $ = db.command.aggregate
  await db.createCollection('dates')
  await db.createCollection('texts')
})
afterAll(() => t.cloud.close())
beforeEach(() => t.cloud.store.clear())

const DAY = 86_400_000

/** Day of the year by adding up month lengths, with the Gregorian leap rule. */
function dayOfYearOracle(date: Date): number {
  const y = date.getUTCFullYear()
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const months = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return months.slice(0, date.getUTCMonth()).reduce((a, b) => a + b, 0) + date.getUTCDate()
}

/** %U: the number of Sundays from 1 January up to the date. */
function sundayWeekOracle(date: Date): number {
  let sundays = 0
  for (let d = Date.UTC(date.getUTCFullYear(), 0, 1); d <= date.getTime(); d += DAY) {
    if (new Date(d).getUTCDay() === 0) sundays++
  }
  return sundays
}

/** ISO 8601: week 1 is the week (from Monday) that holds 4 January. */
function isoOracle(date: Date): { week: number; year: number } {
  const week1Monday = (year: number) => {
    const jan4 = Date.UTC(year, 0, 4)
    return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY
  }
  const y = date.getUTCFullYear()
  const year = [y + 1, y, y - 1].find((candidate) => week1Monday(candidate) <= date.getTime())!
  return { year, week: Math.floor((date.getTime() - week1Monday(year)) / (7 * DAY)) + 1 }
}

describe('date operators', () => {
  /*
   * MongoDB manual, $week: "Returns the week of the year for a date as a number between 0 and 53.
   * Weeks begin on Sundays, and week 1 begins with the first Sunday of the year. Days preceding
   * the first Sunday of the year are in week 0. This behavior is the same as the "%U" operator to
   * the strftime standard library function." $isoWeek: "Returns the week number in ISO 8601
   * format, ranging from 1 to 53." $dayOfYear: "Returns the day of the year for a date as a number
   * between 1 and 366." Checked on every year's edge weeks, 1990 to 2040.
   */
  it('$week, $isoWeek, $isoWeekYear and $dayOfYear match their definitions in every year', async () => {
    const dates: Date[] = []
    for (let year = 1990; year <= 2040; year++) {
      for (let day = -7; day <= 7; day++) dates.push(new Date(Date.UTC(year, 0, 1) + day * DAY))
      dates.push(new Date(Date.UTC(year, 6, 1, 23, 59)))
    }
    for (let i = 0; i < dates.length; i += 200) {
      await db.collection('dates').add({
        data: dates.slice(i, i + 200).map((at, j) => ({ _id: `d${i + j}`, at })),
      })
    }
    const { list } = await db
      .collection('dates')
      .aggregate()
      .project({
        at: 1,
        week: $.week('$at'),
        isoWeek: $.isoWeek('$at'),
        isoWeekYear: $.isoWeekYear('$at'),
        dayOfYear: $.dayOfYear('$at'),
      })
      .limit(dates.length)
      .end()
    expect(list).toHaveLength(dates.length)
    const wrong = list.filter((row: any) => {
      const iso = isoOracle(row.at)
      return (
        row.week !== sundayWeekOracle(row.at) ||
        row.isoWeek !== iso.week ||
        row.isoWeekYear !== iso.year ||
        row.dayOfYear !== dayOfYearOracle(row.at)
      )
    })
    expect(wrong.map((row: any) => row.at.toISOString())).toEqual([])
  })

  /* MongoDB manual, $week, Behavior: the table of examples, timezone included. */
  it('$week answers the manual’s examples', async () => {
    await db.collection('dates').add({
      data: [
        { _id: 'a', at: new Date('2016-01-01T00:00:00Z'), want: 0 },
        { _id: 'b', at: new Date('2016-01-04T00:00:00Z'), want: 1 },
        { _id: 'c', at: new Date('1998-11-01T00:00:00Z'), want: 44 },
        { _id: 'd', at: new Date('2017-01-01T00:00:00Z'), want: 1 },
      ],
    })
    const { list } = await db
      .collection('dates')
      .aggregate()
      .sort({ _id: 1 })
      .project({
        _id: 0,
        want: 1,
        week: $.week('$at'),
        inNewYork: $.week({ date: '$at', timezone: '-0500' }),
      })
      .end()
    expect(list.map((row: any) => row.week)).toEqual(list.map((row: any) => row.want))
    // { $week: { date: ISODate("1998-11-01T00:00:00Z"), timezone: "-0500" } } → 43
    expect(list[2].inNewYork).toBe(43)
  })
})

describe('string operators', () => {
  /*
   * MongoDB manual, $substr (an alias of $substrBytes): "If <length> is a negative number, $substr
   * returns a substring that starts at the specified index and includes the rest of the string."
   * CloudBase documents the same for substrCP: "如果 表达式3 是负数，返回的结果为从 表达式2
   * 指定的开始位置以及之后其余部分的子字符串" (AggregateCommand.substrCP).
   */
  it('$substr, $substrBytes and $substrCP with a negative length answer the rest of the string', async () => {
    await db.collection('texts').add({ data: { _id: 'q', quarter: '13Q4', name: '心谭社区' } })
    const { list } = await db
      .collection('texts')
      .aggregate()
      .project({
        _id: 0,
        substr: $.substr(['$quarter', 2, -1]),
        bytes: $.substrBytes(['$quarter', 2, -1]),
        codePoints: $.substrCP(['$name', 1, -1]),
        negativeStart: $.substr(['$quarter', -1, 2]),
      })
      .end()
    expect(list).toEqual([{ substr: 'Q4', bytes: 'Q4', codePoints: '谭社区', negativeStart: '' }])
  })

  /*
   * MongoDB manual, $indexOfCP: "Searches a string for an occurrence of a substring and returns the
   * UTF-8 code point index (zero-based) of the first occurrence. If the substring is not found,
   * returns -1." ({ $indexOfCP: [ "cafétéria", "é" ] } → 3). $indexOfBytes: the same in "UTF-8 byte
   * index" ({ $indexOfBytes: [ "cafétéria", "é" ] } → 3, "cafétéria", "t" → 5).
   */
  it('$indexOfCP and $indexOfBytes count code points and UTF-8 bytes', async () => {
    await db.collection('texts').add({ data: { _id: 'c', word: 'cafétéria' } })
    const { list } = await db
      .collection('texts')
      .aggregate()
      .project({
        _id: 0,
        cp: $.indexOfCP(['$word', 'é']),
        cpT: $.indexOfCP(['$word', 't']),
        bytesT: $.indexOfBytes(['$word', 't']),
        missing: $.indexOfCP(['$word', 'z']),
        fromStart: $.indexOfCP(['$word', 'é', 4]),
        none: $.indexOfCP(['$nothing', 'a']),
      })
      .end()
    expect(list).toEqual([{ cp: 3, cpT: 4, bytesT: 5, missing: -1, fromStart: 5, none: null }])
  })

  /* MongoDB: $substrBytes refuses to cut a character ("UTF-8 continuation byte"). */
  it('$substrBytes refuses to start inside a character', async () => {
    await db.collection('texts').add({ data: { _id: 'c', word: 'é' } })
    const error = await rejectionOf(
      db
        .collection('texts')
        .aggregate()
        .project({ cut: $.substrBytes(['$word', 1, 1]) })
        .end(),
    )
    expect(String(error['errMsg'])).toContain('continuation byte')
  })
})
