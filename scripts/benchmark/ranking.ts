/**
 * `npm run bench:ranking`: how long a community's monthly 睦邻楼道 ranking takes for 300 buildings
 * × 100 households (30,000 ratings), through the built `ratings` function on the local cloud with
 * the project's declared indexes, on disk. A measurement, not a test.
 */
import type { LocalCloud } from '../../local-cloud/src'
import { benchProjectCloud } from './projectCloud'
import { formatPercentiles, timeSequential } from './stats'

const BUILDINGS = 300
const HOUSEHOLDS = 100
const MONTH = '2026-11'
const RUNS = 20

async function measure(cloud: LocalCloud): Promise<void> {
  const started = performance.now()
  const store = cloud.store
  store.atomically(() => {
    store.write('communities', 'c-bench', { name: '基准社区', createdAt: new Date() })
    store.write('estates', 'e-bench', {
      communityId: 'c-bench',
      name: '基准小区',
      createdAt: new Date(),
    })
    for (let b = 0; b < BUILDINGS; b++) {
      const buildingId = `b-bench-${b}`
      store.write('buildings', buildingId, {
        communityId: 'c-bench',
        estateId: 'e-bench',
        number: `${b + 1}号楼`,
        sortKey: String(b).padStart(4, '0'),
        headOpenids: [],
        householdCount: HOUSEHOLDS,
        createdAt: new Date(),
      })
      for (let h = 0; h < HOUSEHOLDS; h++) {
        const householdId = `h-bench-${b}-${h}`
        const star = (k: number) => ((b * 7 + h * 3 + k) % 5) + 1
        store.write('corridorRatings', `${householdId}_${MONTH}`, {
          communityId: 'c-bench',
          buildingId,
          householdId,
          month: MONTH,
          openid: `o-${b}-${h}`,
          scores: {
            cleanliness: star(0),
            safety: star(1),
            facilities: star(2),
            culture: star(3),
            harmony: star(4),
          },
          photos: [],
          submissions: 1,
          updatedAt: new Date(),
        })
      }
    }
  })
  console.log(
    `seeded ${BUILDINGS} buildings × ${HOUSEHOLDS} households = ${BUILDINGS * HOUSEHOLDS} ratings in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  const call = () =>
    cloud.runtime.invoke(
      'ratings',
      { action: 'ranking', communityId: 'c-bench', month: MONTH },
      { OPENID: 'o-bench' },
    )
  const first = (await call()).result as { ok: boolean; data: unknown[] }
  if (!first.ok || first.data.length !== BUILDINGS)
    throw new Error(`unexpected answer: ${JSON.stringify(first).slice(0, 200)}`)
  const times = await timeSequential(RUNS, 3, call)
  console.log(
    `ranking of ${BUILDINGS} buildings (${BUILDINGS * HOUSEHOLDS} ratings), ${RUNS} calls through the function runtime, on disk:`,
  )
  console.log(`  ${formatPercentiles(times)}`)
}

benchProjectCloud('ranking', measure)
