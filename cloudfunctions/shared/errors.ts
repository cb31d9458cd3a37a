import type { AppErrorBody, ErrorCode, FieldError } from '../../typings/envelope'

/** What a person reads when an action does not say more. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请先登录微信后再试',
  PERMISSION_DENIED: '您没有权限进行这项操作',
  NOT_FOUND: '没有找到相关内容，可能已被删除',
  ALREADY_EXISTS: '这条记录已经存在，无需重复提交',
  FAILED_PRECONDITION: '当前状态下不能进行这项操作',
  CONFLICT: '有人刚刚修改了这条记录，请刷新后再试',
  RESOURCE_EXHAUSTED: '名额或次数已满',
  CONTENT_REJECTED: '内容含有不适合发布的信息，请修改后再提交',
  INTERNAL: '系统繁忙，请稍后再试',
}

/** An expected failure: the router turns it into `{ ok: false, error }` as it is. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: FieldError[] | undefined

  constructor(code: ErrorCode, message?: string, details?: FieldError[]) {
    super(message ?? DEFAULT_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toBody(): AppErrorBody {
    const body: AppErrorBody = { code: this.code, message: this.message }
    if (this.details && this.details.length > 0) body.details = this.details
    return body
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
