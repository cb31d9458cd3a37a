/**
 * Bundles each cloud function into a deployable folder: index.js with all shared server code
 * inside, a package.json that pins wx-server-sdk (installed by the cloud), and its config.json.
 */
import * as esbuild from 'esbuild'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { copyFile, writeFile } from './files'
import { CLOUDFUNCTIONS_DIST, CLOUDFUNCTIONS_SRC, SHARED_SERVER_DIRS } from './paths'

export const WX_SERVER_SDK_VERSION = '~4.0.2'

export function functionNames(): string[] {
  return fs
    .readdirSync(CLOUDFUNCTIONS_SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SHARED_SERVER_DIRS.has(entry.name))
    .map((entry) => entry.name)
    .sort()
}

export async function buildCloudFunctions(): Promise<string[]> {
  const names = functionNames()
  await Promise.all(names.map(buildFunction))
  return names
}

async function buildFunction(name: string): Promise<void> {
  const source = path.join(CLOUDFUNCTIONS_SRC, name)
  const out = path.join(CLOUDFUNCTIONS_DIST, name)
  fs.rmSync(out, { recursive: true, force: true })
  await esbuild.build({
    entryPoints: [path.join(source, 'index.ts')],
    outfile: path.join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    // The cloud's runtime is Node 16 at the oldest we allow in config.
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    logLevel: 'warning',
  })
  const configFile = path.join(source, 'config.json')
  if (!fs.existsSync(configFile)) throw new Error(`cloudfunctions/${name}/config.json is missing`)
  copyFile(configFile, path.join(out, 'config.json'))
  writeFile(
    path.join(out, 'package.json'),
    JSON.stringify(
      {
        name,
        version: '1.0.0',
        private: true,
        main: 'index.js',
        dependencies: { 'wx-server-sdk': WX_SERVER_SDK_VERSION },
      },
      null,
      2,
    ) + '\n',
  )
}
