// Plain Node, no bundler, no React installed: the `gafaelfawr-react/client` entry must load
// and read user information from a local server. Run by scripts/consumer-smoke.mjs in a
// temporary project where only the packed tarball (without its peers) is installed.
import { readFile } from 'node:fs/promises'
import { startFakeGafaelfawr } from './fakeGafaelfawr.mjs'

let reactLoads = true
try {
  await import('react')
} catch {
  reactLoads = false
}
if (reactLoads) throw new Error('react is installed in this project: the check would prove nothing')

const { GafaelfawrClient, GafaelfawrNotFoundError, GafaelfawrUnauthorizedError } = await import(
  'gafaelfawr-react/client'
)

const user = JSON.parse(await readFile(new URL('./user.json', import.meta.url), 'utf8'))
const token = 'gt-consumer-smoke.token'
const server = await startFakeGafaelfawr(user, { token })
try {
  const client = new GafaelfawrClient({ repertoireUrl: server.repertoireUrl, token })
  const me = await client.getUserInfo()
  console.log(`username: ${me.username}`)

  const anonymous = new GafaelfawrClient({ baseUrl: server.baseUrl })
  const unauthorized = await anonymous.getUserInfo().then(
    () => undefined,
    (error) => error,
  )
  if (!(unauthorized instanceof GafaelfawrUnauthorizedError)) {
    throw new Error(`a 401 gave ${unauthorized} instead of a GafaelfawrUnauthorizedError`)
  }
  const missing = await client.getUserInfoByName('nobody').then(
    () => undefined,
    (error) => error,
  )
  if (!(missing instanceof GafaelfawrNotFoundError)) {
    throw new Error(`a 404 gave ${missing} instead of a GafaelfawrNotFoundError`)
  }
  if (server.authorizations.some((value) => value !== undefined && value !== `Bearer ${token}`)) {
    throw new Error('a request carried an unexpected Authorization header')
  }
  console.log(`requests: ${server.requests.join(', ')}`)
} finally {
  await server.close()
}
