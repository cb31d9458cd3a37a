/**
 * wx media: photos and videos chosen from the computer (a file picker in the phone's sheet),
 * compressed and measured on a browser canvas, previewed full screen, saved as a download.
 * What they hand out are the runner's temporary files (files.ts).
 */
import { ApiFail, asyncApi } from '../api'
import { h } from '../dom'
import { addTempFile, extensionOf, resolveFromTop } from '../files'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

interface ChosenFile {
  path: string
  size: number
  type: string
}

export function mediaApis(rt: Runtime): Dict {
  const { phone, router } = rt
  const pickFiles = (name: string, accept: string, count: number): Promise<File[]> =>
    new Promise((resolve, reject) => {
      let settled = false
      const input = h('input', {
        type: 'file',
        accept,
        class: 'jl-file-input',
        ...(count > 1 ? { multiple: true } : {}),
      })
      const sheet = phone.sheet(
        [
          h('label', { class: 'jl-sheet-item jl-file-label' }, '从手机相册选择', input),
          h(
            'div',
            { class: 'jl-sheet-note' },
            `（${name}：浏览器里从电脑选择文件，至多 ${count} 个）`,
          ),
        ],
        { className: 'jl-media-sheet' },
      )
      input.addEventListener('change', () => {
        settled = true
        const chosen = [...(input.files ?? [])].slice(0, count)
        sheet.close()
        resolve(chosen)
      })
      // Closing the sheet without choosing is WeChat's cancel.
      void sheet.closed.then(() => {
        if (!settled) reject(new ApiFail('cancel'))
      })
    })
  const loadImage = (src: string): Promise<HTMLImageElement> =>
    new Promise((resolve, reject) => {
      const image = new Image()
      image.onload = () => resolve(image)
      image.onerror = () => reject(new ApiFail('image could not be loaded'))
      image.src = resolveFromTop(src, router)
    })

  return {
    chooseMedia: asyncApi('chooseMedia', async (o) => {
      const types = (o['mediaType'] as string[] | undefined) ?? ['image', 'video']
      const accept = types
        .map((type) => (type === 'mix' ? 'image/*,video/*' : `${type}/*`))
        .join(',')
      const chosen = await pickFiles('chooseMedia', accept, Number(o['count'] ?? 9))
      const tempFiles = await Promise.all(
        chosen.map(async (file) => {
          const temp = await toTempFile(file)
          return {
            tempFilePath: temp.path,
            size: temp.size,
            fileType: file.type.startsWith('video') ? 'video' : 'image',
          }
        }),
      )
      return { tempFiles, type: tempFiles.every((f) => f.fileType === 'image') ? 'image' : 'mix' }
    }),
    chooseImage: asyncApi('chooseImage', async (o) => {
      const chosen = await pickFiles('chooseImage', 'image/*', Number(o['count'] ?? 9))
      const tempFiles = await Promise.all(chosen.map(toTempFile))
      return {
        tempFilePaths: tempFiles.map((f) => f.path),
        tempFiles: tempFiles.map((f) => ({ path: f.path, size: f.size })),
      }
    }),
    compressImage: asyncApi('compressImage', async (o) => {
      const image = await loadImage(String(o['src']))
      const canvas = document.createElement('canvas')
      const scale = Math.min(
        1,
        Number(o['compressedWidth'] ?? image.naturalWidth) / image.naturalWidth,
      )
      canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
      canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
      canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height)
      const blob = await canvasBlob(canvas, 'image/jpeg', Number(o['quality'] ?? 80) / 100)
      if (!blob) throw new ApiFail('compress failed')
      const temp = addTempFile(await blob.arrayBuffer(), 'image/jpeg', 'jpg')
      return { tempFilePath: temp.path }
    }),
    getImageInfo: asyncApi('getImageInfo', async (o) => {
      const image = await loadImage(String(o['src']))
      return {
        width: image.naturalWidth,
        height: image.naturalHeight,
        path: String(o['src']),
        orientation: 'up',
        type: 'jpeg',
      }
    }),
    previewImage: asyncApi('previewImage', (o) => {
      const urls = ((o['urls'] as string[]) ?? []).map(String)
      let index = Math.max(0, urls.indexOf(String(o['current'] ?? urls[0])))
      const image = h('img', { class: 'jl-preview-image', alt: '' })
      const counter = h('div', { class: 'jl-preview-count' })
      const show = (): void => {
        image.src = resolveFromTop(urls[index] ?? '', router)
        counter.textContent = `${index + 1} / ${urls.length}`
      }
      const step = (delta: number) => (event: Event) => {
        event.stopPropagation()
        index = (index + delta + urls.length) % urls.length
        show()
      }
      show()
      phone.fullscreen(
        h(
          'div',
          { class: 'jl-preview' },
          image,
          counter,
          urls.length > 1
            ? h('button', { class: 'jl-preview-prev', onclick: step(-1) }, '‹')
            : null,
          urls.length > 1 ? h('button', { class: 'jl-preview-next', onclick: step(1) }, '›') : null,
        ),
        () => undefined,
      )
    }),
    canvasToTempFilePath: asyncApi('canvasToTempFilePath', async (o) => {
      const canvas = o['canvas'] as HTMLCanvasElement | undefined
      if (!(canvas instanceof HTMLCanvasElement)) {
        throw new Error('canvasToTempFilePath:fail the web runner takes only a 2d canvas node')
      }
      const type = o['fileType'] === 'jpg' ? 'image/jpeg' : 'image/png'
      const blob = await canvasBlob(canvas, type, Number(o['quality'] ?? 1))
      if (!blob) throw new Error('canvasToTempFilePath:fail the canvas is empty')
      const file = addTempFile(await blob.arrayBuffer(), type, type === 'image/png' ? 'png' : 'jpg')
      return { tempFilePath: file.path }
    }),
    // The browser's download is the nearest thing to the phone's album.
    saveImageToPhotosAlbum: asyncApi('saveImageToPhotosAlbum', (o) => {
      const link = h('a', { href: resolveFromTop(String(o['filePath']), router), download: '' })
      link.click()
    }),
  }
}

async function toTempFile(file: File): Promise<ChosenFile> {
  const bytes = await file.arrayBuffer()
  const temp = addTempFile(
    bytes,
    file.type || 'application/octet-stream',
    extensionOf(file.type, file.name),
  )
  return { path: temp.path, size: bytes.byteLength, type: temp.type }
}

function canvasBlob(
  canvas: HTMLCanvasElement,
  type: string,
  quality: number,
): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality))
}
