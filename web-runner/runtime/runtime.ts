/**
 * What the runner hands to its `wx` and its built-in components: the app's manifest, the phone,
 * the page stack, the chosen user, and the runner's own reactions (reporting, sharing, switching
 * users).
 */
import type { Identity } from './identity'
import type { Phone } from './phone'
import type { Router } from './router'
import type { Dict, Manifest } from './types'

export interface Runtime {
  manifest: Manifest
  phone: Phone
  router: Router
  identity: Identity
  /** The app used an API (or component) the runner does not have. */
  unsupported(name: string): void
  /** Shows the share card of the page on top. */
  share(from: 'menu' | 'button', target?: Dict): void
  /** Codes a user may pick when "scanning": shared paths seen in this session, and so on. */
  knownCodes: string[]
  /** The identity storage key was written: the app switched users itself. */
  identityChanged(openid: string): void
}
