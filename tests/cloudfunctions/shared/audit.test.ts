import {
  appendAudit,
  AUDIT_COLLECTION,
  type AuditWriter,
} from '../../../cloudfunctions/shared/audit'

function recordingDb() {
  const added: Array<{ collection: string; data: unknown }> = []
  const db: AuditWriter = {
    serverDate: () => ({ $serverDate: true }),
    collection: (name) => ({
      add: async ({ data }) => {
        added.push({ collection: name, data })
        return { _id: `audit-${added.length}` }
      },
    }),
  }
  return { db, added }
}

describe('appendAudit', () => {
  it('appends who did what to which record, when, with before and after', async () => {
    const { db, added } = recordingDb()
    const id = await appendAudit(db, {
      actor: 'oStaff',
      action: 'community.appointBuildingHead',
      target: { collection: 'buildings', id: 'b17' },
      communityId: 'c-jinxi',
      before: { heads: [] },
      after: { heads: ['oHead'] },
    })
    expect(id).toBe('audit-1')
    expect(added).toEqual([
      {
        collection: AUDIT_COLLECTION,
        data: {
          actor: 'oStaff',
          action: 'community.appointBuildingHead',
          target: { collection: 'buildings', id: 'b17' },
          communityId: 'c-jinxi',
          before: { heads: [] },
          after: { heads: ['oHead'] },
          createdAt: { $serverDate: true },
        },
      },
    ])
  })

  it('keeps a null “before” (a record that did not exist) and leaves out what was not given', async () => {
    const { db, added } = recordingDb()
    await appendAudit(db, {
      actor: 'system',
      action: 'x.y',
      target: { collection: 'c', id: '1' },
      before: null,
    })
    expect(added[0]!.data).toEqual({
      actor: 'system',
      action: 'x.y',
      target: { collection: 'c', id: '1' },
      before: null,
      createdAt: { $serverDate: true },
    })
  })
})
