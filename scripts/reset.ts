/** `npm run reset`: wipes the local cloud's data; the next `npm start` seeds the demo again. */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { LOCAL_DATA_DIR, ROOT } from './build/paths'

fs.rmSync(LOCAL_DATA_DIR, { recursive: true, force: true })
console.log(`已清空本地云数据：${path.relative(ROOT, LOCAL_DATA_DIR)}/`)
