import { createRouter } from '../shared/router'
import { feeActions } from './actions'

export const main = createRouter('fees', feeActions)
