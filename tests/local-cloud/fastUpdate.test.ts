/** The fast path for common operators gives exactly what mingo's general updater gives. */
import { update as mingoUpdate } from 'mingo'
import { fastUpdate } from '../../local-cloud/src/database/fastUpdate'

const base = () => ({
  _id: 'x',
  n: 5,
  s: 'a',
  when: new Date('2026-01-01T00:00:00Z'),
  meta: { a: 1, deep: { b: 2 } },
  list: [1, 2],
})

const cases: Array<Record<string, Record<string, unknown>>> = [
  { $set: { s: 'b', 'meta.a': 2, 'meta.new.c': 3 } },
  { $inc: { n: 2, 'meta.deep.b': -2, fresh: 1 } },
  { $mul: { n: 3, absent: 4 } },
  { $min: { n: 1, when: new Date('2025-01-01T00:00:00Z') } },
  { $max: { n: 1, when: new Date('2027-01-01T00:00:00Z'), newMax: 7 } },
  { $unset: { s: '', 'meta.deep.b': '', 'no.such.path': '' } },
  { $set: { n: 5 } },
  { $set: { meta: { replaced: true } }, $inc: { n: 1 } },
]

describe('fastUpdate', () => {
  it.each(cases)('matches mingo for %j', (operators) => {
    const fast = fastUpdate(base(), operators)
    expect(fast).not.toBeNull()
    const reference = base()
    const modified = mingoUpdate(reference, structuredClone(operators) as never)
    expect(fast!.doc).toEqual(reference)
    expect(fast!.changed).toBe(modified.length > 0)
  })

  it.each([
    { $push: { list: 3 } },
    { $set: { 'list.0': 9 } },
    { $set: { 'list.x': 1 } },
    { $set: { meta: {}, 'meta.a': 1 } },
    { $inc: { s: 1 } },
    { $set: { '__proto__.polluted': 1 } },
    { $set: { 'meta.__proto__.polluted': 1 } },
  ])('leaves %j to mingo', (operators) => {
    expect(fastUpdate(base(), operators)).toBeNull()
  })

  it('never changes the document it was given, nor what it shares with it', () => {
    const doc = base()
    const { doc: next } = fastUpdate(doc, {
      $set: { 'meta.a': 9, 'meta.deep.c': 1 },
      $unset: { s: '' },
      $inc: { n: 1 },
    })!
    expect(doc).toEqual(base())
    expect(next).toEqual({ ...base(), n: 6, s: undefined, meta: { a: 9, deep: { b: 2, c: 1 } } })
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('names the paths it touched, so unchanged index keys need no work', () => {
    expect(fastUpdate(base(), { $inc: { n: 1 }, $set: { 'meta.a': 2 } })!.touched).toEqual([
      'n',
      'meta.a',
    ])
  })
})
