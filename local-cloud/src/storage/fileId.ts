/**
 * fileIDs as CloudBase mints them: `cloud://<envName>.<bucket>/<cloudPath>`. The SDK never builds
 * or parses them (local-cloud/PROTOCOL.md「Storage: fileIDs」), so only this module needs to
 * agree with itself.
 */

/**
 * The one bucket of the local cloud, shaped like a real one (`<hex of 2 chars>-<env>-<appid>`).
 * All envs share it: a fileID is resolved by its path, whatever env it was minted for.
 */
export const LOCAL_BUCKET = '6c6f-local-1250000000'

export function toFileId(envName: string, cloudPath: string): string {
  return `cloud://${envName}.${LOCAL_BUCKET}/${cloudPath}`
}

/** The cloud path a fileID names, or null when it is not a fileID of the local bucket. */
export function cloudPathOfFileId(fileId: string): string | null {
  const match = /^cloud:\/\/([^/]+)\/(.+)$/.exec(fileId)
  if (!match) return null
  const host = match[1]!
  if (!host.endsWith(`.${LOCAL_BUCKET}`) || host.length === LOCAL_BUCKET.length + 1) return null
  return match[2]!
}
