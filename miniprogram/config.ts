/**
 * Per-deployment settings of the mini-program. The cloud environment id is the one the community's
 * developer created in WeChat Cloud Development (see docs/DEPLOY.md once it exists).
 */
export const CLOUD_ENV = 'jinlin-dev'
