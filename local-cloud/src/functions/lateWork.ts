/**
 * The warning for work a function left running when it answered. SCF 开发方法
 * (https://cloud.tencent.com/document/product/583/67790): "如果您的 Node.js 函数中包含异步任务，须返回
 * 一个 promise 以确保该异步任务在当次调用执行" — the instance may be frozen as soon as the function
 * answers, so what it did not await may never happen in the cloud. Here it still happens, which is
 * exactly why it must be said loudly: the local result looks right and the cloud's will not.
 */
export function lateWorkWarning(functionName: string, requestId: string, what: string): string {
  return [
    `[local-cloud] WARNING: function ${functionName} answered (request ${requestId}) before its ${what} finished.`,
    '  It finished here, but in the cloud the instance may be frozen as soon as the function answers,',
    '  so it may never happen there. Await it (or return its promise) before main returns.',
  ].join('\n')
}
