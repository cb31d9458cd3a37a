import { type RequestContext } from '../protocol/types'
import { type OpenApiAnswer } from './openApiAnswer'
import { type OpenApiParams } from './openApiParams'

/** One emulated WeChat API, e.g. `subscribeMessage.send`. */
export type OpenApiHandler = (params: OpenApiParams, context: RequestContext) => OpenApiAnswer
