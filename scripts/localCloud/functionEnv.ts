/**
 * What the local cloud configures for every function, in place of the console's settings: every
 * subscribe template (sent messages land in the outbox) and the development mini-program state.
 */
import {
  SUBSCRIBE_TEMPLATES,
  localTemplateIds,
  templateEnvName,
} from '../../cloudfunctions/shared/subscribeTemplates'

export function localFunctionEnv(): Record<string, string> {
  const ids = localTemplateIds()
  const env: Record<string, string> = { JINLIN_MINIPROGRAM_STATE: 'developer' }
  for (const template of SUBSCRIBE_TEMPLATES) env[templateEnvName(template)] = ids[template]
  return env
}
