/** `functions.invokeFunction`: a function calling another with `cloud.callFunction`. */
import type { FunctionRuntime } from '../functions/runtime'
import { checkEventSize } from '../functions/eventLimits'
import { TcbError } from '../protocol/tcbError'
import type { ActionHandler } from '../protocol/types'

export function functionActions(runtime: FunctionRuntime): Record<string, ActionHandler> {
  return {
    'functions.invokeFunction': async (body) => {
      const name = body['function_name']
      if (typeof name !== 'string') throw new TcbError('INVALID_PARAM', 'function_name is required')
      let event: unknown = {}
      if (typeof body['request_data'] === 'string' && body['request_data'] !== '') {
        checkEventSize(body['request_data'])
        try {
          event = JSON.parse(body['request_data'])
        } catch {
          throw new TcbError('INVALID_PARAM', 'request_data is not valid JSON')
        }
      }
      // Server-to-server: no WeChat user is calling.
      const { result } = await runtime.invoke(name, event, { SOURCE: 'wx_function' })
      return { response_data: JSON.stringify(result ?? null) }
    },
  }
}
