// Copied into the React projects by scripts/consumer-smoke.mjs once `gafaelfawr-react/testing`
// is exported: renders a consumer's component inside MockGafaelfawrProvider, seeded with a
// user and a user by name, with react-dom/server in plain Node. Prints the HTML.
import { readFile } from 'node:fs/promises'
import { useUserInfo, useUserInfoByName } from 'gafaelfawr-react'
import { MockGafaelfawrProvider } from 'gafaelfawr-react/testing'
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'

const user = JSON.parse(await readFile(new URL('./user.json', import.meta.url), 'utf8'))

function Names() {
  const me = useUserInfo()
  const other = useUserInfoByName('otheruser')
  return h(
    'p',
    null,
    `mock user: ${me.data?.username ?? me.status}, by name: ${other.data?.name ?? other.status}`,
  )
}

const users = { otheruser: { username: 'otheruser', name: 'Other User' } }
console.log(renderToString(h(MockGafaelfawrProvider, { user, users }, h(Names))))
