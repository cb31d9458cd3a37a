/**
 * Carries out a plan with the official tooling, @cloudbase/manager-node. It needs an API key
 * (TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY) and the network, so it is only ever exercised
 * for real against a cloud environment; here only --dry-run can be checked.
 */
import * as path from 'node:path'
import type { DeployPlan } from './plan'

export async function applyPlan(
  root: string,
  plan: DeployPlan,
  log: (line: string) => void,
): Promise<void> {
  const secretId = process.env['TENCENTCLOUD_SECRETID']
  const secretKey = process.env['TENCENTCLOUD_SECRETKEY']
  if (!secretId || !secretKey)
    throw new Error(
      'set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a CAM API key of the account)',
    )
  const { default: CloudBase } = await import('@cloudbase/manager-node')
  const app = new CloudBase({ secretId, secretKey, envId: plan.envId })

  for (const fn of plan.functions) {
    log(`云函数 ${fn.name} …`)
    await app.functions.createFunction({
      func: {
        name: fn.name,
        timeout: fn.timeout,
        runtime: fn.runtime,
        envVariables: fn.envVariables,
        installDependency: true,
        triggers: fn.triggers,
      },
      functionRootPath: path.join(root, 'dist/cloudfunctions'),
      force: true,
    })
  }
  for (const collection of plan.collections) {
    log(`集合 ${collection.name} …`)
    await app.database.createCollectionIfNotExists(collection.name)
    await app.permission.modifyResourcePermission({
      resourceType: 'collection',
      resource: collection.name,
      permission: 'CUSTOM',
      securityRule: JSON.stringify(collection.rule),
    })
    for (const index of collection.indexes) {
      const { Exists } = await app.database.checkIndexExists(collection.name, index.name)
      if (Exists) continue
      await app.database.updateCollection(collection.name, {
        CreateIndexes: [
          {
            IndexName: index.name,
            MgoKeySchema: {
              MgoIndexKeys: Object.entries(index.keys).map(([Name, direction]) => ({
                Name,
                Direction: String(direction),
              })),
              MgoIsUnique: index.unique,
            },
          },
        ],
      })
    }
  }
}
