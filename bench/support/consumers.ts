// Components the React benchmarks mount. Import this module only after installDom(): it loads
// react and the library, and query-core decides on import whether it runs on a server.
import { createElement as h, type ReactElement, useEffect, useState } from 'react'
import { useUserInfo, useUserInfoByName } from '../../src/index'

let renders = 0

/** Renders of the counted components since the last reset. */
export function renderCount(): number {
  return renders
}

/** Sets the render count back to zero. */
export function resetRenderCount(): void {
  renders = 0
}

function shown(username: string | undefined): ReactElement {
  return username ? h('span', { 'data-ready': '' }, username) : h('span', null, '…')
}

/** A `useUserInfo` consumer; it counts its renders. */
export function Me(): ReactElement {
  renders++
  const { data } = useUserInfo()
  return shown(data?.username)
}

/** A `useUserInfoByName` consumer. */
export function ByName({ username }: { username: string }): ReactElement {
  renders++
  const { data } = useUserInfoByName(username)
  return shown(data?.username)
}

/**
 * What a component does without a shared cache: fetch in an effect, keep the user in state.
 * It counts its renders.
 */
export function NaiveFetch({ url }: { url: string }): ReactElement {
  renders++
  const [username, setUsername] = useState<string>()
  useEffect(() => {
    let live = true
    fetch(url)
      .then((response) => response.json() as Promise<{ username: string }>)
      .then((user) => live && setUsername(user.username))
    return () => {
      live = false
    }
  }, [url])
  return shown(username)
}
