import { useState } from 'react'
import { GafaelfawrClient, type GafaelfawrClientOptions } from '../../client/GafaelfawrClient'

/** The client options `<GafaelfawrProvider>` accepts instead of a ready-made client. */
export type GafaelfawrProviderOptions = Pick<
  GafaelfawrClientOptions,
  'repertoireUrl' | 'baseUrl' | 'token' | 'http' | 'cacheLifetime' | 'cacheSize' | 'logger'
>

/** The option names, in one list, so that reading and comparing them cannot drift apart. */
export const PROVIDER_OPTION_NAMES = [
  'repertoireUrl',
  'baseUrl',
  'token',
  'http',
  'cacheLifetime',
  'cacheSize',
  'logger',
] as const satisfies readonly (keyof GafaelfawrProviderOptions)[]

/** The provider's client, and how many times it was replaced. */
export interface ProviderClient {
  client: GafaelfawrClient
  /** Changes with the client: the provider keys its children with it (see below). */
  generation: number
  options: GafaelfawrProviderOptions | undefined
}

/**
 * The client of a provider: the one it was given, or one it builds from its options and keeps
 * while they stay the same (compared one by one with `Object.is`), replaced as soon as one of
 * them changes. Held in state, not in a ref or a memo, so React keeps it for the provider's
 * lifetime; a change is applied during render, as React documents for state derived from props.
 *
 * A TanStack hook binds its observer to the QueryClient of its first render and never moves
 * it, so the provider remounts its children when the client changes (`generation`): otherwise
 * they would go on reading the old client's caches.
 *
 * @param given - The client the provider was given, if any.
 * @param options - The provider's client options; undefined when it was given a client.
 * @returns The client, its generation and the options it was built from.
 * @throws {RepertoireUrlError} when there is neither `baseUrl` nor a Repertoire URL.
 */
export function useProviderClient(
  given: GafaelfawrClient | undefined,
  options: GafaelfawrProviderOptions | undefined,
): ProviderClient {
  const [current, setCurrent] = useState<ProviderClient>(() => ({
    client: given ?? new GafaelfawrClient(options),
    generation: 0,
    options,
  }))
  if (isCurrent(current, given, options)) return current
  const next = {
    client: given ?? new GafaelfawrClient(options),
    generation: current.generation + 1,
    options,
  }
  setCurrent(next)
  return next
}

function isCurrent(
  current: ProviderClient,
  given: GafaelfawrClient | undefined,
  options: GafaelfawrProviderOptions | undefined,
): boolean {
  if (given !== undefined) return current.client === given && current.options === undefined
  const previous = current.options
  if (previous === undefined || options === undefined) return false
  return PROVIDER_OPTION_NAMES.every((name) => Object.is(previous[name], options[name]))
}
