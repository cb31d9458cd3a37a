import { readRuntimeConfig, templateId } from '../../../cloudfunctions/shared/config'

describe('runtime configuration', () => {
  it('reads admins, the content-check switch and template ids from the environment', () => {
    const env = {
      JINLIN_ADMIN_OPENIDS: ' oA , oB,,',
      JINLIN_CONTENT_CHECK: 'off',
      JINLIN_TEMPLATE_SUGGESTION_ACCEPTED: 'TPL-1',
    }
    expect(readRuntimeConfig(env)).toEqual({
      adminOpenids: new Set(['oA', 'oB']),
      contentCheck: false,
    })
    expect(templateId('SUGGESTION_ACCEPTED', env)).toBe('TPL-1')
    expect(templateId('MISSING', env)).toBeNull()
  })

  it('keeps content checks on unless switched off', () => {
    expect(readRuntimeConfig({}).contentCheck).toBe(true)
    expect(readRuntimeConfig({}).adminOpenids.size).toBe(0)
  })
})
