/** `<icon>`: WeChat's icon types drawn as characters, sized and coloured as asked. */
import { type Builtin, host, prop } from './builtin'

const ICONS: Record<string, string> = {
  success: '✔',
  success_no_circle: '✓',
  info: 'ℹ',
  warn: '!',
  waiting: '◷',
  cancel: '✕',
  download: '↓',
  search: '⌕',
  clear: '✕',
}

export const icon: Builtin = {
  properties: { type: prop(String, ''), size: prop(null, 23), color: prop(String, '') },
  render() {
    const el = host(this)
    el.textContent = ICONS[String(this.data['type'])] ?? '•'
    // A number is px; a string is a CSS length already.
    const size = this.data['size']
    el.style.fontSize = typeof size === 'number' ? `${size}px` : String(size)
    el.style.color = String(this.data['color'] || '')
  },
}
