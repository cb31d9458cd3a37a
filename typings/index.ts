/**
 * The API contract: each cloud function's actions with their input and output types.
 * The mini-program's services and the functions' action handlers are both typed by this map.
 */
import type { CommunityActions } from './community'
import type { FeesActions } from './fees'
import type { HealthActions } from './health'
import type { RatingsActions } from './ratings'
import type { VolunteersActions } from './volunteers'
import type { SuggestionsActions } from './suggestions'

export interface CloudFunctions {
  health: HealthActions
  community: CommunityActions
  ratings: RatingsActions
  fees: FeesActions
  volunteers: VolunteersActions
  suggestions: SuggestionsActions
}

export type FunctionName = keyof CloudFunctions
export type ActionName<F extends FunctionName> = keyof CloudFunctions[F] & string
type ActionOf<F extends FunctionName, A extends ActionName<F>> = CloudFunctions[F][A]
export type ActionInput<F extends FunctionName, A extends ActionName<F>> =
  ActionOf<F, A> extends { input: infer I } ? I : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> =
  ActionOf<F, A> extends { output: infer O } ? O : never

export type * from './envelope'
export type * from './health'
export type * from './community'
export type * from './ratings'
export type * from './fees'
export type * from './volunteers'
export type * from './suggestions'
export type * from './subscribe'
