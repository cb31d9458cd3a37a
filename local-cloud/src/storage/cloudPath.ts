/**
 * Which cloud paths the local storage accepts. Stricter than production on purpose: characters
 * that cannot survive the trip through a temp URL (`?`, `#`, `%`, `\`; CloudBase's naming rules
 * advise against them) are refused at upload instead of making a file that can never be fetched.
 */
import { MAX_CLOUD_PATH_BYTES } from './limits'

/** Why `cloudPath` is not acceptable, or null when it is. */
export function cloudPathProblem(cloudPath: unknown): string | null {
  if (typeof cloudPath !== 'string' || cloudPath === '') {
    return 'cloudPath must be a non-empty string'
  }
  if (Buffer.byteLength(cloudPath, 'utf8') > MAX_CLOUD_PATH_BYTES) {
    return `cloudPath must be at most ${MAX_CLOUD_PATH_BYTES} bytes`
  }
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /'
  if (cloudPath.endsWith('/')) return 'cloudPath must name a file, not a folder'
  if (cloudPath.includes('//')) return 'cloudPath must not contain //'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(cloudPath)) {
    return 'cloudPath must not contain control characters'
  }
  if (/[?#%\\]/.test(cloudPath)) return 'cloudPath must not contain ? # % or \\'
  if (cloudPath.split('/').some((segment) => segment === '.' || segment === '..')) {
    return 'cloudPath must not contain . or .. segments'
  }
  return null
}
