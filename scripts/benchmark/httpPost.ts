/** A plain keep-alive HTTP POST, the way a page reaches `POST /callFunction` locally. */
import * as http from 'node:http'

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(text)
            : reject(new Error(`${url} answered ${response.statusCode}: ${text}`)),
        )
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

export function closeHttpClient(): void {
  agent.destroy()
}
