// Copied into the React projects by scripts/consumer-smoke.mjs once
// `gafaelfawr-react/testing/node` is exported: starts the mock Gafaelfawr HTTP server on
// 127.0.0.1 and reads a user from it with the client entry, as a Node service's tests would.
import { readFile } from 'node:fs/promises'
import { GafaelfawrClient } from 'gafaelfawr-react/client'
import { startMockGafaelfawrServer } from 'gafaelfawr-react/testing/node'

const user = JSON.parse(await readFile(new URL('./user.json', import.meta.url), 'utf8'))
const server = await startMockGafaelfawrServer({ host: '127.0.0.1' })
try {
  server.mock.setUserInfo(user.username, user)
  const token = await server.mock.createToken(user.username)
  const client = new GafaelfawrClient({ repertoireUrl: server.repertoireUrl })
  const me = await client.getUserInfo(token)
  console.log(`mock server user: ${me.username}`)
} finally {
  await server.close()
}
