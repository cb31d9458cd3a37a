/**
 * User text that others will read passes WeChat's content check (msgSecCheck v2) first, unless
 * the deployment switched checks off. A function that uses it lists `security.msgSecCheck` in
 * its config.json's openapi permissions.
 */
import type { Cloud } from './cloud'
import { readRuntimeConfig } from './config'
import { AppError } from './errors'

/** msgSecCheck scenes: 1 profile, 2 comment, 3 forum post, 4 social log. */
export type ContentScene = 1 | 2 | 3 | 4

interface MsgSecCheckResult {
  result?: { suggest?: string; label?: number }
}

export async function checkText(
  cloud: Cloud,
  openid: string,
  text: string,
  scene: ContentScene,
): Promise<void> {
  if (!text || !readRuntimeConfig().contentCheck) return
  const openapi = cloud.sdk.openapi as unknown as {
    security: { msgSecCheck(params: Record<string, unknown>): Promise<MsgSecCheckResult> }
  }
  const answer = await openapi.security.msgSecCheck({ content: text, version: 2, scene, openid })
  if (answer.result?.suggest !== 'pass') {
    throw new AppError('CONTENT_REJECTED', '内容含有不适合发布的信息，请修改后再提交')
  }
}
