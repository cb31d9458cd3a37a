/**
 * Pages against the real functions: `wx.cloud.callFunction` goes to the built functions on an
 * in-memory local cloud seeded with the demo, as the chosen demo user.
 */
import {
  startCommunityCloud,
  type CommunityCloud,
} from '../../cloudfunctions/community/communityCloud'

export interface LiveCloud {
  cloud: CommunityCloud
  actAs(openid: string): void
}

export async function startLiveCloud(): Promise<LiveCloud> {
  const cloud = await startCommunityCloud()
  let openid = ''
  const wxStub = (
    globalThis as unknown as { wx: { cloud: { callFunction: jest.Mock; uploadFile: jest.Mock } } }
  ).wx
  // Through JSON, as over the wire: the page then gets plain objects of its own realm (the
  // runtime's answers arrive from a worker thread, in another realm, which WXML cannot index).
  const route = async ({ name, data }: { name: string; data: Record<string, unknown> }) => ({
    result: JSON.parse(
      JSON.stringify(await cloud.cloud.callFunction(name, data, openid)),
    ) as unknown,
  })
  // A photo "chosen" on the phone lands in the local cloud's storage as a client upload would.
  const upload = async ({ cloudPath, filePath }: { cloudPath: string; filePath: string }) => {
    const stored = cloud.cloud.storage.putFromClient('local', cloudPath, Buffer.from(filePath))
    if ('problem' in stored) throw new Error(stored.problem)
    return { fileID: stored.fileID }
  }
  return {
    cloud,
    actAs(next) {
      openid = next
      // The stub is reset before each test; routing is set again for each.
      wxStub.cloud.callFunction.mockImplementation(route)
      wxStub.cloud.uploadFile.mockImplementation(upload)
    },
  }
}

/** Waits until the page shows some text (calls cross a worker thread and HTTP). */
export async function waitForText(
  root: { dom?: Element | null },
  text: string,
  timeoutMs = 3000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(root.dom?.textContent ?? '').includes(text)) {
    if (Date.now() > deadline)
      throw new Error(
        `page never showed “${text}”; it shows: ${root.dom?.textContent?.replace(/\s+/g, ' ').slice(0, 400)}`,
      )
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Waits until `check` holds, e.g. a wx call the page makes once a cloud call has answered. */
export async function until(check: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
