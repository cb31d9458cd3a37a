import { createRouter } from '../shared/router'
import { ping } from './actions/ping'

export const main = createRouter('health', { ping })
