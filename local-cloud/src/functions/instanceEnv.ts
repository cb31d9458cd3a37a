/**
 * The environment of a function instance: this process's, the configured one, and what SCF sets
 * for every Node.js function. NODE_PATH is one of those: SCF's is
 * `/var/user:/var/user/node_modules:/var/lang/node16/lib/node_modules:/opt:/opt/node_modules`
 * (SCF "Notes on Node.js", built-in environment variables), with the function's code in /var/user,
 * so a function may `require('project/x/route.js')` from its own folder by a bare name (CCMiniCloud's
 * router does). The function's folder and its node_modules come first here likewise.
 */
import * as path from 'node:path'

/** getWXContext() returns the WX_ variables this list names (wx-server-sdk reads WX_CONTEXT_KEYS). */
const WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6'

export function instanceEnv(
  folder: string,
  name: string,
  configured: Record<string, string>,
): Record<string, string | undefined> {
  const inherited = process.env['NODE_PATH']?.split(path.delimiter).filter(Boolean) ?? []
  return {
    ...process.env,
    ...configured,
    NODE_PATH: [folder, path.join(folder, 'node_modules'), ...inherited].join(path.delimiter),
    SCF_FUNCTIONNAME: name,
    WX_CONTEXT_KEYS,
  }
}
