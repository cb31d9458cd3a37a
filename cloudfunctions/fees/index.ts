import { createRouter } from '../shared/router'
import { feeActions } from './actions'
import { feesPolicy } from './policy'

export const main = createRouter('fees', feeActions, feesPolicy)
