import type { Cloud } from '../../../cloudfunctions/shared/cloud'
import { isAppError } from '../../../cloudfunctions/shared/errors'
import { photoIds, requireThisEnvironment } from '../../../cloudfunctions/shared/files'

const inEnv = (ENV: string) => ({ wxContext: () => ({ ENV }) }) as unknown as Cloud
const bucket = 'cloud://prod-1a2b.7072-prod-1a2b-1250000000'
const own = `${bucket}/uploads/suggestions/2026-11/a.jpg`
const other = `${bucket}/uploads/suggestions/2026-11/b.jpg`

describe('uploaded photos', () => {
  it('accepts up to the limit of photos uploaded by the app, each once', () => {
    expect(photoIds(2).safeParse([own, other]).success).toBe(true)
    expect(photoIds(2).safeParse([own, other, own]).error?.issues[0]?.message).toBe('最多 2 张照片')
    expect(photoIds(2).safeParse([own, own]).error?.issues[0]?.message).toBe('同一张照片只能附一次')
  })

  it('refuses anything but a plain path under uploads/<feature>/', () => {
    for (const bad of [
      'https://example.com/a.jpg',
      `${bucket}/avatars/a.jpg`,
      `${bucket}/uploads/a?.jpg`,
      `${bucket}/uploads/../exports/ledger.xlsx`,
      `${bucket}/uploads/suggestions/../../exports/ledger.xlsx`,
      `${bucket}/uploads/suggestions/./a.jpg`,
      `${bucket}/uploads/suggestions//a.jpg`,
      `${bucket}/uploads/suggestions/%2e%2e/a.jpg`,
      `${bucket}/uploads/suggestions/a\\..\\b.jpg`,
      `${bucket}/uploads/exports/a.jpg`,
      `${bucket}/uploads/suggestions`,
    ]) {
      expect([bad, photoIds(2).safeParse([bad]).error?.issues[0]?.message]).toEqual([
        bad,
        '照片须先上传到本小程序',
      ])
    }
  })

  it('refuses photos of another environment', () => {
    expect(() => requireThisEnvironment(inEnv('prod-1a2b'), [own])).not.toThrow()
    let error: unknown
    try {
      requireThisEnvironment(inEnv('prod-9z9z'), [own])
    } catch (caught) {
      error = caught
    }
    expect(isAppError(error) && error.code).toBe('INVALID_ARGUMENT')
  })
})
