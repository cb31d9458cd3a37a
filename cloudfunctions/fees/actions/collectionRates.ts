import { z } from 'zod'
import type { CollectionRateRow, CollectionRatesView } from '../../../typings/fees'
import { COLLECTIONS, type BuildingDoc, type EstateDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { groupAll } from '../lib/aggregate'
import { balanceOf } from '../lib/ledger'
import { FEE_COLLECTIONS, type FeePlanDoc, type LedgerDoc } from '../lib/model'
import { monthIndex, periodInForce, periodRef } from '../lib/periods'
import { fetchAll } from '../lib/status'

/**
 * Staff see every building of their community for a month: the building's period containing it,
 * how many households paid of those due, the rate, the amounts and the fund's balance. Paid
 * household-periods are counted by the database, never fetched.
 */
export const collectionRates = defineAction({
  input: input({
    communityId: docId('社区'),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式不正确' }),
  }),
  async run({ communityId, month }, context): Promise<CollectionRatesView> {
    const db = context.cloud.database()
    const [buildings, estates, plans, ledgers] = await Promise.all([
      fetchAll(() =>
        db
          .collection<BuildingDoc>(COLLECTIONS.buildings)
          .where({ communityId })
          .orderBy('sortKey', 'asc'),
      ),
      fetchAll(() =>
        db.collection<EstateDoc>(COLLECTIONS.estates).where({ communityId }).orderBy('_id', 'asc'),
      ),
      fetchAll(() =>
        db
          .collection<FeePlanDoc>(FEE_COLLECTIONS.plans)
          .where({ communityId })
          .orderBy('_id', 'asc'),
      ),
      fetchAll(() =>
        db
          .collection<LedgerDoc>(FEE_COLLECTIONS.ledgers)
          .where({ communityId })
          .orderBy('_id', 'asc'),
      ),
    ])
    const m = monthIndex(month)
    const estateNames = new Map(estates.map((e) => [e._id, e.name]))
    const periodOf = new Map(
      plans.map((p) => [p.buildingId, periodInForce(p.versions, m)] as const),
    )
    const keys = [...new Set([...periodOf.values()].flatMap((p) => (p ? [p.key] : [])))]
    const $ = db.command.aggregate
    const groups =
      keys.length === 0
        ? []
        : await groupAll<{
            _id: { buildingId: string; period: string }
            paid: number
            fen: number
          }>(
            db,
            FEE_COLLECTIONS.claims,
            { communityId, active: true, period: db.command['in']!(keys) },
            {
              _id: { buildingId: '$buildingId', period: '$period' },
              paid: $['sum']!(1),
              fen: $['sum']!('$amountFen'),
            },
          )
    const paidOf = new Map(groups.map((g) => [`${g._id.buildingId}|${g._id.period}`, g]))
    const balances = new Map<string, number>()
    for (const l of ledgers)
      balances.set(l.buildingId, (balances.get(l.buildingId) ?? 0) + balanceOf(l))

    const rows: CollectionRateRow[] = buildings.map((b) => {
      const period = periodOf.get(b._id) ?? null
      const buildingName = `${estateNames.get(b.estateId) ?? ''} ${b.number}`.trim()
      const balanceFen = balances.get(b._id) ?? 0
      if (!period) {
        return {
          buildingId: b._id,
          buildingName,
          period: null,
          households: b.householdCount,
          exempt: 0,
          paid: 0,
          unpaid: 0,
          ratePercent: null,
          dueFen: 0,
          paidFen: 0,
          balanceFen,
        }
      }
      const group = paidOf.get(`${b._id}|${period.key}`)
      const exempt = period.version.exemptions.length
      const due = Math.max(0, b.householdCount - exempt)
      const paid = Number(group?.paid ?? 0)
      return {
        buildingId: b._id,
        buildingName,
        period: periodRef(period.key),
        households: b.householdCount,
        exempt,
        paid,
        unpaid: Math.max(0, due - paid),
        ratePercent: due > 0 ? Math.round((paid * 1000) / due) / 10 : null,
        dueFen: due * period.version.amountFen,
        paidFen: Number(group?.fen ?? 0),
        balanceFen,
      }
    })
    const withPlan = rows.filter((r) => r.period)
    return {
      communityId,
      month,
      rows,
      totals: {
        households: withPlan.reduce((s, r) => s + r.households, 0),
        exempt: withPlan.reduce((s, r) => s + r.exempt, 0),
        paid: withPlan.reduce((s, r) => s + r.paid, 0),
        dueFen: withPlan.reduce((s, r) => s + r.dueFen, 0),
        paidFen: withPlan.reduce((s, r) => s + r.paidFen, 0),
      },
    }
  },
})
