/**
 * Built-ins that are only containers of their children, styled by runner.css; `<view>` and
 * `<cover-view>` take a hover-class too. (`<form>` is one: its buttons submit it, form.ts.)
 */
import { type Builtin, hover, hoverProps } from './builtin'

export const PLAIN = [
  'view',
  'text',
  'label',
  'block',
  'cover-view',
  'root-portal',
  'page-meta',
  'form',
  'checkbox-group',
  'radio-group',
  'swiper-item',
  'navigation-bar',
]

export function plain(tag: string): Builtin {
  if (tag !== 'view' && tag !== 'cover-view') return {}
  return {
    properties: hoverProps,
    attached() {
      hover(this)
    },
  }
}
