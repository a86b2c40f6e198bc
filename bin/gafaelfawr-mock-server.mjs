#!/usr/bin/env node
// A mock Repertoire and Gafaelfawr over HTTP, for trying an application without a real
// deployment: `gafaelfawr-mock-server --port 8080 --static ./dist`. The `complete` persona is
// logged in as the session user, so a page served from --static sees a user at once.
import { parseArgs } from 'node:util'
import { mockUsers } from '../dist/testing/index.js'
import { startMockGafaelfawrServer } from '../dist/testing/node.js'

const usage = `Usage: gafaelfawr-mock-server [--port N] [--host ADDRESS] [--static DIR]

  --port N         port to listen on (default 8080; 0 picks a free one)
  --host ADDRESS   address to listen on (default 127.0.0.1)
  --static DIR     folder served at every other path, index.html for /
  --help           show this help`

let values
try {
  ;({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      static: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }))
} catch (error) {
  console.error(`gafaelfawr-mock-server: ${error.message}\n\n${usage}`)
  process.exit(2)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`gafaelfawr-mock-server: --port must be a port number, not ${values.port}`)
  process.exit(2)
}

let server
try {
  server = await startMockGafaelfawrServer({ port, host: values.host, staticDir: values.static })
} catch (error) {
  console.error(`gafaelfawr-mock-server: cannot start: ${error.message}`)
  process.exit(1)
}
const user = mockUsers.complete
server.mock.setUserInfo(user.username, user)
server.mock.setSessionUser(user.username)

const origin = new URL(server.baseUrl).origin
console.log(`gafaelfawr-mock-server listening on ${origin}`)
console.log(
  `  Repertoire:     ${server.repertoireUrl}  (discovery at ${server.repertoireUrl}/discovery)`,
)
console.log(`  Gafaelfawr v1:  ${server.baseUrl}`)
console.log(`  Session user:   ${user.username}`)
if (values.static) console.log(`  Static files:   ${values.static}`)

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
