/**
 * The result envelope every cloud-function action answers with
 * (docs/architecture.md「约定：返回格式与错误码」).
 * Shared by the cloud functions and the mini-program: types only.
 */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'FAILED_PRECONDITION'
  | 'CONFLICT'
  | 'RESOURCE_EXHAUSTED'
  | 'CONTENT_REJECTED'
  | 'INTERNAL'

/** One bad field of the input: `field` is a dotted path such as `items.0.title`. */
export interface FieldError {
  field: string
  message: string
}

export interface AppErrorBody {
  code: ErrorCode
  /** Chinese, for a person. */
  message: string
  details?: FieldError[]
}

export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; error: AppErrorBody }
export type Envelope<T> = Ok<T> | Fail
