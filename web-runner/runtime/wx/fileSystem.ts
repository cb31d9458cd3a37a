/**
 * wx.getFileSystemManager over the runner's temporary files (files.ts): enough to read back what
 * chooseMedia, compressImage and downloads handed out. Anything else fails loudly.
 */
import { ApiFail, asyncApi, loud } from '../api'
import { tempFile } from '../files'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

export function fileSystemApis(rt: Runtime): Dict {
  const fileSystemManager = loud(
    {
      readFile: asyncApi('readFile', (options) => ({
        data: readFile(String(options['filePath']), options['encoding'] as string | undefined),
      })),
      readFileSync: (filePath: string, encoding?: string) => readFile(filePath, encoding),
      getFileInfo: asyncApi('getFileInfo', (options) => {
        const file = tempFile(String(options['filePath']))
        if (!file) throw new ApiFail(`no such file or directory ${String(options['filePath'])}`)
        return { size: file.bytes.byteLength }
      }),
      access: asyncApi('access', (options) => {
        if (!tempFile(String(options['path'])))
          throw new ApiFail(`no such file or directory ${String(options['path'])}`)
      }),
      accessSync: (path: string) => {
        if (!tempFile(path)) throw new Error(`accessSync:fail no such file or directory ${path}`)
      },
    },
    'FileSystemManager.',
    rt.unsupported,
  )
  return { getFileSystemManager: () => fileSystemManager }
}

function readFile(filePath: string, encoding?: string): ArrayBuffer | string {
  const file = tempFile(filePath)
  if (!file) throw new ApiFail(`no such file or directory, open ${filePath}`)
  // A copy: the app may change what it read without changing the file.
  if (!encoding || encoding === 'binary') return file.bytes.slice(0)
  if (encoding === 'base64') return toBase64(file.bytes)
  return new TextDecoder(encoding === 'utf-8' ? 'utf-8' : encoding).decode(file.bytes)
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = ''
  const view = new Uint8Array(bytes)
  // In chunks: spreading a whole photo into String.fromCharCode overflows the call stack.
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000))
  return btoa(binary)
}
