/** Who may call each action of `health` (see shared/policy.ts). */
import type { Policy } from '../shared/policy'

export const healthPolicy: Policy<'health'> = {
  // The end-to-end check works before anyone signs in.
  ping: { allow: ['anyone'] },
}
