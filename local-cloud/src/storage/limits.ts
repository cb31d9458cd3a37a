/**
 * Limits of the local cloud storage. 50 MiB is the per-file limit the app is built for (the real
 * service allows more, but an upload this large from a mini-program is a bug we want to see early).
 */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024

/** How long a token minted by `storage.getUploadMetadata` accepts uploads (COS signs for ~10 min). */
export const UPLOAD_TOKEN_TTL_MS = 15 * 60 * 1000

/** CloudBase refuses object keys longer than this many UTF-8 bytes. */
export const MAX_CLOUD_PATH_BYTES = 850
