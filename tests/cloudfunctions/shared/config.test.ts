import { readRuntimeConfig } from '../../../cloudfunctions/shared/config'

describe('runtime configuration', () => {
  it('reads admins and the content-check switch from the environment', () => {
    const env = {
      JINLIN_ADMIN_OPENIDS: ' oA , oB,,',
      JINLIN_CONTENT_CHECK: 'off',
    }
    expect(readRuntimeConfig(env)).toEqual({
      adminOpenids: new Set(['oA', 'oB']),
      contentCheck: false,
    })
  })

  it('keeps content checks on unless switched off', () => {
    expect(readRuntimeConfig({}).contentCheck).toBe(true)
    expect(readRuntimeConfig({}).adminOpenids.size).toBe(0)
  })
})
