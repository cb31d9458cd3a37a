/**
 * Mini-program codes (wxacode.getUnlimited) that open the project page. WeChat passes the
 * scene (≤ 32 characters) to the page as `options.scene`, URL-encoded.
 */
import type { Cloud } from '../../shared/cloud'
import { AppError } from '../../shared/errors'

export const PROJECT_PAGE = 'subpackages/volunteers/project/index'
/** The project page with the project to show, as subscribe messages (and, after a `/`, shares) open it. */
export const projectPage = (projectId: string) => `${PROJECT_PAGE}?id=${projectId}`
export const MAX_SCENE = 32

/** Scenes: `p=<id>` opens a project, `c=<id>&k=<code>` checks in, `v=<pass>` is a volunteer's pass. */
export const scenes = {
  project: (projectId: string) => `p=${projectId}`,
  checkIn: (projectId: string, code: string) => `c=${projectId}&k=${code}`,
  pass: (pass: string) => `v=${pass}`,
}

export async function wxacode(cloud: Cloud, scene: string): Promise<string> {
  if (scene.length > MAX_SCENE) throw new Error(`scene too long: ${scene}`)
  const openapi = cloud.sdk.openapi as unknown as {
    wxacode: {
      getUnlimited(
        params: Record<string, unknown>,
      ): Promise<{ buffer: Buffer; contentType?: string }>
    }
  }
  try {
    const { buffer, contentType } = await openapi.wxacode.getUnlimited({
      scene,
      page: PROJECT_PAGE,
      checkPath: false,
      width: 430,
    })
    return `data:${contentType || 'image/png'};base64,${Buffer.from(buffer).toString('base64')}`
  } catch (error) {
    console.error('[volunteers] wxacode.getUnlimited failed', error)
    throw new AppError('INTERNAL', '小程序码生成失败，请稍后再试')
  }
}
