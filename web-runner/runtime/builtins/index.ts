/**
 * The mini-program's built-in components (`<view>`, `<input>`, `<picker>` …) as j-component
 * components whose elements are `wx-<tag>` in the DOM, with native controls inside where a
 * browser has them. A built-in the runner does not have shows itself on screen, named, and is
 * reported as unsupported.
 *
 * One file a built-in (builtin.ts holds what they share); this one lists them and registers them.
 */
import { jComponent } from '../engine'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'
import { type Builtin, type Instance, keep, kept } from './builtin'
import { button } from './button'
import { canvas } from './canvas'
import { checkbox, radio } from './choice'
import { icon } from './icon'
import { image } from './image'
import { MISSING, missing } from './missing'
import { navigator } from './navigator'
import { picker } from './picker'
import { PLAIN, plain } from './plain'
import { progress } from './progress'
import { richText } from './richText'
import { scrollView } from './scrollView'
import { slider } from './slider'
import { swiper } from './swiper'
import { switchBuiltin } from './switch'
import { input, textarea } from './textField'
import { video } from './video'

export function registerBuiltins(rt: Runtime): void {
  const picture = image(rt)
  const defs: Record<string, Builtin> = {
    button: button(rt),
    input,
    textarea,
    picker: picker(rt),
    image: picture,
    'cover-image': picture,
    canvas: canvas(rt),
    icon,
    progress,
    'rich-text': richText,
    switch: switchBuiltin,
    checkbox,
    radio,
    slider,
    'scroll-view': scrollView,
    swiper,
    navigator: navigator(rt),
    video: video(rt),
  }
  for (const tag of PLAIN) defs[tag] = plain(tag)
  for (const tag of MISSING) defs[tag] = missing(rt, tag)
  for (const [tag, def] of Object.entries(defs)) register(tag, def)
}

function register(tag: string, def: Builtin): void {
  // j-component looks official tags up as `wx-<tag>` and others by their bare name: register both
  // (each registration gets its own definition: exparser adjusts what it is given).
  for (const id of [`wx-${tag}`, tag]) {
    const properties: Dict = {}
    for (const [name, spec] of Object.entries(def.properties ?? {})) {
      properties[name] = {
        ...spec,
        observer(this: Instance) {
          if (!kept(this, 'attached')) return
          def.render?.call(this)
          def.update?.call(this, name)
        },
      }
    }
    jComponent.register({
      id,
      template: '<slot/>',
      tagName: `wx-${tag}`,
      properties,
      behaviors: [...(def.behaviors ?? [])],
      methods: { ...(def.methods ?? {}) },
      lifetimes: {
        attached(this: Instance) {
          keep(this, 'attached', true)
          try {
            def.attached?.call(this)
            // Properties set before attached are applied now: drawn once, and each as if it had
            // just changed.
            def.render?.call(this)
            for (const name of Object.keys(def.properties ?? {})) def.update?.call(this, name)
          } catch (error) {
            console.error(`<${tag}> attached`, error)
          }
        },
        detached(this: Instance) {
          def.detached?.call(this)
        },
      },
    } as never)
  }
}
