import type { SubscribeTemplate } from '../../typings/subscribe'

/** Every subscribe message the app sends: the local cloud configures them all for demos and tests. */
export const SUBSCRIBE_TEMPLATES = [
  'suggestionProgress',
  'suggestionResolved',
  'suggestionAssigned',
  'feeReminder',
  'volunteerPromoted',
  'volunteerReminder',
  'volunteerCancelled',
] as const satisfies readonly SubscribeTemplate[]

/** `suggestionProgress` → `JINLIN_TEMPLATE_SUGGESTION_PROGRESS`, where a function finds its id. */
export function templateEnvName(template: SubscribeTemplate): string {
  return `JINLIN_TEMPLATE_${template.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`
}

/** The ids the local cloud uses: any non-empty id works there, and the outbox shows which was sent. */
export function localTemplateIds(): Record<SubscribeTemplate, string> {
  const ids = {} as Record<SubscribeTemplate, string>
  for (const template of SUBSCRIBE_TEMPLATES) ids[template] = `local-${template}`
  return ids
}
