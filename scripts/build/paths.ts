import * as path from 'node:path'

export const ROOT = path.resolve(__dirname, '../..')
export const MINIPROGRAM_SRC = path.join(ROOT, 'miniprogram')
export const CLOUDFUNCTIONS_SRC = path.join(ROOT, 'cloudfunctions')
export const DIST = path.join(ROOT, 'dist')
export const MINIPROGRAM_DIST = path.join(DIST, 'miniprogram')
export const CLOUDFUNCTIONS_DIST = path.join(DIST, 'cloudfunctions')
/** Server code shared by the functions: bundled into each, never deployed on its own. */
export const SHARED_SERVER_DIRS = new Set(['shared'])
/** The local cloud's data (SQLite file, stored files): gitignored. */
export const LOCAL_DATA_DIR = path.join(ROOT, '.local-cloud')
