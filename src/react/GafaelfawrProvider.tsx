import { Fragment, type ReactNode, useEffect, useState } from 'react'
import { GafaelfawrClient, type GafaelfawrClientOptions } from '../client/GafaelfawrClient'
import { GafaelfawrContext } from './GafaelfawrContext'

/** The client options `<GafaelfawrProvider>` accepts instead of a ready-made client. */
export type GafaelfawrProviderOptions = Pick<
  GafaelfawrClientOptions,
  'repertoireUrl' | 'baseUrl' | 'token' | 'http' | 'cacheLifetime' | 'cacheSize' | 'logger'
>

/** The option names, in one list, so that checking and comparing them cannot drift apart. */
const OPTION_NAMES = [
  'repertoireUrl',
  'baseUrl',
  'token',
  'http',
  'cacheLifetime',
  'cacheSize',
  'logger',
] as const satisfies readonly (keyof GafaelfawrProviderOptions)[]

/** Props of a `<GafaelfawrProvider>` given a client the application built. */
export type GafaelfawrProviderClientProps = {
  /** The client to use; the provider neither copies nor replaces it. */
  client: GafaelfawrClient
  children?: ReactNode
} & { [Name in keyof GafaelfawrProviderOptions]?: never }

/** Props of a `<GafaelfawrProvider>` that builds its own client from these options. */
export type GafaelfawrProviderOptionsProps = GafaelfawrProviderOptions & {
  client?: never
  children?: ReactNode
}

/** Props of `<GafaelfawrProvider>`: a `client`, or the options to build one, never both. */
export type GafaelfawrProviderProps = GafaelfawrProviderClientProps | GafaelfawrProviderOptionsProps

/**
 * Gives the components below it a Gafaelfawr client, for the hooks of this library.
 *
 * Given options, it builds one client and keeps it while the options stay the same (compared one
 * by one with `Object.is`). When one changes (or a different `client` is passed), the new client
 * starts with empty caches and the children are remounted, because a TanStack hook never leaves
 * the QueryClient it started with; so pass `http` and `logger` as stable objects, not inline ones.
 * Each provider has its own client and caches; nothing is shared at module level, so server
 * rendering never mixes requests. On mount it starts service discovery, so the first hook does
 * not wait for it in series, and mounts the client's two caches, so that they refetch stale
 * data when the window regains focus or the network comes back. It renders no
 * `QueryClientProvider`: the application's own QueryClient, its defaults and its `clear()` do
 * not reach the library's caches.
 *
 * @param props - `client`, or the client options (`repertoireUrl`, `baseUrl`, `token`, `http`,
 *   `cacheLifetime`, `cacheSize`, `logger`), and `children`.
 * @returns The children, with the client in context.
 * @throws {TypeError} when given both `client` and client options.
 * @throws {RepertoireUrlError} when given neither `baseUrl` nor a Repertoire URL.
 * @example
 * ```tsx
 * import { GafaelfawrProvider } from 'gafaelfawr-react'
 *
 * export function App() {
 *   return (
 *     <GafaelfawrProvider repertoireUrl="https://data.example.com/repertoire">
 *       <Header />
 *     </GafaelfawrProvider>
 *   )
 * }
 * ```
 */
export function GafaelfawrProvider(props: GafaelfawrProviderProps): ReactNode {
  const given = props.client
  if (given && OPTION_NAMES.some((name) => props[name] !== undefined)) {
    throw new TypeError('<GafaelfawrProvider> takes either a client or client options, not both')
  }
  // The client lives in state, so React keeps it for the provider's lifetime; a change of props
  // replaces it during render, as React documents for state derived from props. The client
  // ignores the props that are not its options (children).
  const [current, setCurrent] = useState(() => ({
    client: given ?? new GafaelfawrClient(props),
    props,
    generation: 0,
  }))
  const changed = given
    ? given !== current.client
    : current.props.client !== undefined ||
      OPTION_NAMES.some((name) => !Object.is(props[name], current.props[name]))
  const { client, generation } = changed
    ? { client: given ?? new GafaelfawrClient(props), generation: current.generation + 1 }
    : current
  if (changed) setCurrent({ client, props, generation })

  useEffect(() => {
    client.userInfoCache.mount()
    client.usernameCache.mount()
    // Only starts discovery early: the hooks that need it report its failure.
    client.resolveBaseUrl().catch(() => {})
    return () => {
      client.userInfoCache.unmount()
      client.usernameCache.unmount()
    }
  }, [client])

  // Keyed by generation: a new client remounts the children (see above).
  return (
    <GafaelfawrContext.Provider value={client}>
      <Fragment key={generation}>{props.children}</Fragment>
    </GafaelfawrContext.Provider>
  )
}
