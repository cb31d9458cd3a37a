/** The URLs the local storage mints, served by the same HTTP server as the admin endpoint. */

/** Where the SDK PUTs the bytes: the key is one encoded segment, as COS upload URLs are. */
export function uploadUrl(baseUrl: string, cloudPath: string): string {
  return `${baseUrl}/__cos/${encodeURIComponent(cloudPath)}`
}

/**
 * The temp URL of a file, deliberately NOT encoded: node-sdk's downloadFile applies encodeURI()
 * itself, so an encoded `%20` would arrive as `%2520`
 * (local-cloud/PROTOCOL.md「Storage: downloadFile」).
 */
export function downloadUrl(baseUrl: string, cloudPath: string): string {
  return `${baseUrl}/__files/${cloudPath}`
}
