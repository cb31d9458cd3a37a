/**
 * `<form>` is a plain container: a `<button form-type="submit|reset">` inside it does the work,
 * gathering the value of every named form field the form holds.
 */
import type { Dict } from '../types'
import { instanceOf, wxElementOf } from './builtin'

export function submitForm(from: HTMLElement, kind: 'submit' | 'reset'): void {
  const formEl = from.closest('wx-form')
  const form = formEl && wxElementOf(formEl)
  if (!form) return
  const caller = instanceOf(form)!
  if (kind === 'reset') {
    caller.triggerEvent('reset', {})
    return
  }
  const value: Dict = {}
  formEl.querySelectorAll('*').forEach((el) => {
    const node = wxElementOf(el)
    if (!node || node === form || (node as { $$?: unknown }).$$ !== el) return
    const data = instanceOf(node)?.data
    if (!data || typeof data['name'] !== 'string' || data['name'] === '' || !('value' in data))
      return
    value[data['name']] = data['value']
  })
  caller.triggerEvent('submit', { value, target: {} })
}
