import { createRouter } from '../shared/router'
import { ping } from './actions/ping'
import { healthPolicy } from './policy'

export const main = createRouter('health', { ping }, healthPolicy)
