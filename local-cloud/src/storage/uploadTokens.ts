/**
 * Tokens minted by `storage.getUploadMetadata`, each allowing PUTs to one cloud path until it
 * expires, like the temporary COS credentials the real service hands out. Kept in memory: a
 * restart only invalidates uploads that were about to happen.
 */
import { randomBytes } from 'node:crypto'
import { UPLOAD_TOKEN_TTL_MS } from './limits'

export interface UploadGrant {
  cloudPath: string
  /** The env that asked: the uploaded file's fileID names it. */
  envName: string
  expiresAt: number
}

export interface UploadTokens {
  mint(cloudPath: string, envName: string): string
  /** The grant of `token` if it allows uploading to `cloudPath` now. */
  grantFor(token: string, cloudPath: string): UploadGrant | undefined
}

export function createUploadTokens(now: () => number = Date.now): UploadTokens {
  const grants = new Map<string, UploadGrant>()
  const forgetExpired = () => {
    for (const [token, grant] of grants) if (grant.expiresAt <= now()) grants.delete(token)
  }
  return {
    mint(cloudPath, envName) {
      forgetExpired()
      const token = randomBytes(16).toString('hex')
      grants.set(token, { cloudPath, envName, expiresAt: now() + UPLOAD_TOKEN_TTL_MS })
      return token
    },
    grantFor(token, cloudPath) {
      const grant = grants.get(token)
      // Reusable until it expires, as COS credentials are: no retry of the SDK is refused.
      if (!grant || grant.cloudPath !== cloudPath || grant.expiresAt <= now()) return undefined
      return grant
    },
  }
}
