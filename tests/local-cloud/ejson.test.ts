/** The fast EJSON path reads and writes exactly what bson's EJSON does, as the SDK sends and parses it. */
import { EJSON } from 'bson'
import {
  deserializeDocument,
  parseEjson,
  serializeDocument,
} from '../../local-cloud/src/database/ejson'

const sdkStyle = (value: unknown) => EJSON.stringify(value, { relaxed: false })

describe('EJSON on the wire', () => {
  const doc = {
    i: 1,
    d: 1.5,
    big: 1099511627776,
    neg: -3,
    s: '楼道灯',
    when: new Date('2026-11-26T06:20:51.123Z'),
    old: new Date('1960-01-01T00:00:00Z'),
    nested: { list: [1, 'a', { at: new Date(0) }], none: null },
    re: /^he/i,
  }

  it('parses the canonical EJSON the SDK sends into the same values as bson', () => {
    const parsed = parseEjson(sdkStyle(doc), 'data') as Record<string, unknown>
    expect(parsed).toEqual(doc)
    expect(parseEjson('{"n":{"$gt":{"$numberInt":"5"}}}', 'query')).toEqual({ n: { $gt: 5 } })
    expect(parseEjson('{"x":{"$numberDouble":"Infinity"}}', 'data')).toEqual({ x: Infinity })
  })

  it('falls back to bson for rarer types and for integers beyond 2^53', () => {
    const text = '{"n":{"$numberLong":"9007199254740993"}}'
    expect(parseEjson(text, 'data')).toEqual(EJSON.parse(text, { relaxed: true }))
    const oid = parseEjson('{"o":{"$oid":"5f1e1c9b9d3b2a0011223344"}}', 'data') as {
      o: { toHexString(): string }
    }
    expect(oid.o.toHexString()).toBe('5f1e1c9b9d3b2a0011223344')
  })

  it('rejects what is not EJSON', () => {
    expect(() => parseEjson('{"a":', 'query')).toThrow('invalid EJSON in query')
    expect(() => parseEjson('{"d":{"$date":"not a date"}}', 'data')).toThrow(
      'invalid EJSON in data',
    )
  })

  it('stores documents as relaxed EJSON that bson (and so the SDK) reads back unchanged', () => {
    const text = serializeDocument(doc)
    expect(EJSON.parse(text, { relaxed: true })).toEqual({ ...doc, re: expect.anything() })
    expect(deserializeDocument(text)).toEqual(doc)
  })

  it('writes relaxed EJSON for every kind of value: non-finite numbers, far dates, regexps, holes', () => {
    const odd = {
      inf: -Infinity,
      nan: NaN,
      far: new Date(Date.UTC(10000, 0, 1)),
      before1970: new Date(-1),
      list: [undefined, () => 1, new Date(5), [/x/g]],
      skipped: undefined,
      fn: () => 1,
      zero: -0,
    }
    expect(serializeDocument(odd)).toBe(
      '{"inf":{"$numberDouble":"-Infinity"},"nan":{"$numberDouble":"NaN"},' +
        '"far":{"$date":{"$numberLong":"253402300800000"}},"before1970":{"$date":{"$numberLong":"-1"}},' +
        '"list":[null,null,{"$date":"1970-01-01T00:00:00.005Z"},[{"$regularExpression":{"pattern":"x","options":"g"}}]],' +
        '"zero":0}',
    )
    // A class instance keeps the replacer's handling (its toJSON, Dates inside it).
    class Money {
      constructor(readonly at: Date) {}
    }
    expect(JSON.parse(serializeDocument({ m: new Money(new Date(0)) }))).toEqual({
      m: { at: { $date: '1970-01-01T00:00:00.000Z' } },
    })
  })

  it('reads wrappers nested in wrappers, and a "__proto__" field as a field', () => {
    expect(parseEjson('{"d":{"$date":{"$numberLong":"-5"}}}', 'data')).toEqual({ d: new Date(-5) })
    const tricky = parseEjson('{"__proto__":{"$date":"2026-11-26T00:00:00Z"}}', 'data') as object
    expect(Object.getPrototypeOf(tricky)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(tricky, '__proto__')?.value).toEqual(
      new Date('2026-11-26T00:00:00Z'),
    )
  })
})
