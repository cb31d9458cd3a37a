/** `<input>` and `<textarea>`: one text field, a browser input or textarea inside. */
import { h } from '../dom'
import { type Builtin, host, keep, kept, prop } from './builtin'

export const input = textField(false)
export const textarea = textField(true)

function textField(multiline: boolean): Builtin {
  return {
    behaviors: ['wx://form-field'],
    properties: {
      value: prop(String, ''),
      type: prop(String, 'text'),
      password: prop(Boolean, false),
      placeholder: prop(String, ''),
      placeholderStyle: prop(String, ''),
      disabled: prop(Boolean, false),
      maxlength: prop(Number, 140),
      focus: prop(Boolean, false),
      autoFocus: prop(Boolean, false),
      autoHeight: prop(Boolean, false),
      confirmType: prop(String, multiline ? 'return' : 'done'),
    },
    attached() {
      const control = multiline
        ? h('textarea', { class: 'jl-native' })
        : h('input', { class: 'jl-native' })
      keep(this, 'control', control)
      host(this).append(control)
      control.addEventListener('input', () => {
        this.triggerEvent('input', {
          value: control.value,
          cursor: control.selectionStart ?? control.value.length,
          keyCode: 0,
        })
        if (multiline && this.data['autoHeight']) autoHeight(control)
      })
      control.addEventListener('focus', () =>
        this.triggerEvent('focus', { value: control.value, height: 0 }),
      )
      control.addEventListener('blur', () =>
        this.triggerEvent('blur', { value: control.value, cursor: control.selectionStart ?? 0 }),
      )
      control.addEventListener('keydown', (event) => {
        const e = event as KeyboardEvent
        // A textarea whose confirm key is "return" takes Enter as a new line.
        if (e.key === 'Enter' && (!multiline || this.data['confirmType'] !== 'return')) {
          if (multiline) e.preventDefault()
          this.triggerEvent('confirm', { value: control.value })
        }
      })
      if (this.data['focus'] || this.data['autoFocus']) setTimeout(() => control.focus(), 0)
    },
    update(changed) {
      const control = kept<HTMLInputElement | HTMLTextAreaElement>(this, 'control')
      if (!control) return
      const d = this.data
      // Only a real change: writing the same value would move the cursor while typing.
      if (changed === 'value' && control.value !== String(d['value'] ?? ''))
        control.value = String(d['value'] ?? '')
      if (changed === 'placeholder') control.placeholder = String(d['placeholder'] ?? '')
      if (changed === 'disabled') control.disabled = !!d['disabled']
      if (changed === 'maxlength') {
        // WeChat's maxlength -1 is "no limit".
        const max = Number(d['maxlength'])
        if (max >= 0) control.maxLength = max
        else control.removeAttribute('maxlength')
      }
      if ((changed === 'type' || changed === 'password') && control instanceof HTMLInputElement) {
        const type = String(d['type'])
        control.type = d['password'] ? 'password' : 'text'
        control.inputMode = type === 'number' ? 'numeric' : type === 'digit' ? 'decimal' : 'text'
      }
      if (changed === 'placeholderStyle')
        control.style.setProperty('--jl-placeholder', String(d['placeholderStyle'] ?? ''))
      if (changed === 'focus' && d['focus']) setTimeout(() => control.focus(), 0)
      if (changed === 'autoHeight' || changed === 'value') {
        if (multiline && d['autoHeight']) autoHeight(control)
      }
    },
  }
}

function autoHeight(control: HTMLElement): void {
  control.style.height = 'auto'
  control.style.height = `${control.scrollHeight}px`
}
