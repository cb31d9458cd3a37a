/** A building's rooms for a picker: every one of them, not only the first page. */
import type { HouseholdView } from '../../typings'
import { community } from './community'

/** Every household of a building, by room, read page after page (a page holds at most 200). */
export async function allHouseholds(buildingId: string): Promise<HouseholdView[]> {
  const households: HouseholdView[] = []
  let cursor: string | null = null
  do {
    const page = await community.listHouseholds(cursor ? { buildingId, cursor } : { buildingId })
    households.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return households
}
