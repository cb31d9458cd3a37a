import type { Cloud } from '../../../cloudfunctions/shared/cloud'
import { isAppError } from '../../../cloudfunctions/shared/errors'
import { photoIds, requireOwnFiles } from '../../../cloudfunctions/shared/files'

const inEnv = (ENV: string) => ({ wxContext: () => ({ ENV }) }) as unknown as Cloud
const own = 'cloud://prod-1a2b.7072-prod-1a2b-1250000000/uploads/suggestions/2026-11/a.jpg'

describe('uploaded photos', () => {
  it('accepts up to the limit of photos uploaded by the app', () => {
    expect(photoIds(2).safeParse([own, own]).success).toBe(true)
    expect(photoIds(2).safeParse([own, own, own]).error?.issues[0]?.message).toBe('最多 2 张照片')
    for (const bad of [
      'https://example.com/a.jpg',
      'cloud://prod-1a2b.x/avatars/a.jpg',
      'cloud://prod-1a2b.x/uploads/a?.jpg',
    ]) {
      expect(photoIds(2).safeParse([bad]).error?.issues[0]?.message).toBe('照片须先上传到本小程序')
    }
  })

  it('refuses photos of another environment', () => {
    expect(() => requireOwnFiles(inEnv('prod-1a2b'), [own])).not.toThrow()
    let error: unknown
    try {
      requireOwnFiles(inEnv('prod-9z9z'), [own])
    } catch (caught) {
      error = caught
    }
    expect(isAppError(error) && error.code).toBe('INVALID_ARGUMENT')
  })
})
