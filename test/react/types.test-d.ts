// Type-level tests, checked by `npx tsc --noEmit -p tsconfig.json` (never run by Vitest).
import type { UseQueryResult, UseSuspenseQueryResult } from '@tanstack/react-query'
import { createElement } from 'react'
import { expectTypeOf } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrProvider,
  type GafaelfawrProviderProps,
  type GafaelfawrQueryError,
  type GafaelfawrUserInfo,
  useClearGafaelfawrCache,
  useGafaelfawrClient,
  useSuspenseUserInfo,
  useSuspenseUserInfoByName,
  useUserInfo,
  useUserInfoByName,
} from '../../src/index'

export function useHookTypes() {
  const result = useUserInfo()
  expectTypeOf(result).toEqualTypeOf<UseQueryResult<GafaelfawrUserInfo, GafaelfawrQueryError>>()
  expectTypeOf(result.error).toEqualTypeOf<GafaelfawrQueryError | null>()
  expectTypeOf(result.data).toEqualTypeOf<GafaelfawrUserInfo | undefined>()
  if (result.isSuccess) expectTypeOf(result.data).toEqualTypeOf<GafaelfawrUserInfo>()
  if (result.isError) expectTypeOf(result.error).toEqualTypeOf<GafaelfawrQueryError>()

  const byName = useUserInfoByName(undefined, { token: 'gt-a.b', enabled: false })
  expectTypeOf(byName.error).toEqualTypeOf<GafaelfawrQueryError | null>()
  expectTypeOf(byName.data).toEqualTypeOf<GafaelfawrUserInfo | undefined>()

  const suspense = useSuspenseUserInfo({ token: 'gt-a.b' })
  expectTypeOf(suspense).toEqualTypeOf<
    UseSuspenseQueryResult<GafaelfawrUserInfo, GafaelfawrQueryError>
  >()
  expectTypeOf(suspense.data).toEqualTypeOf<GafaelfawrUserInfo>()
  expectTypeOf(useSuspenseUserInfoByName('someuser').data).toEqualTypeOf<GafaelfawrUserInfo>()

  expectTypeOf(useClearGafaelfawrCache()).toEqualTypeOf<() => Promise<void>>()
  expectTypeOf(useGafaelfawrClient()).toEqualTypeOf<GafaelfawrClient>()

  // @ts-expect-error: a suspense query cannot be disabled
  useSuspenseUserInfo({ enabled: false })
  // @ts-expect-error: a username is a string
  useUserInfoByName(42)
}

export function providerTypes() {
  const client = new GafaelfawrClient({ baseUrl: '/auth/api/v1' })
  const props: GafaelfawrProviderProps[] = [
    { client },
    { repertoireUrl: 'https://data.example.com/repertoire' },
    { baseUrl: '/auth/api/v1', token: 'gt-a.b', cacheLifetime: 1000, cacheSize: 10 },
    { logger: console },
    {},
  ]
  // @ts-expect-error: a client and client options, never both
  const both: GafaelfawrProviderProps = { client, baseUrl: '/auth/api/v1' }
  // @ts-expect-error: not a provider option (build a client for discoveryClient)
  const unknown: GafaelfawrProviderProps = { discoveryClient: undefined, timeout: 5 }
  return [
    props,
    both,
    unknown,
    createElement(GafaelfawrProvider, { client }),
    // @ts-expect-error: the same refusal through createElement
    createElement(GafaelfawrProvider, { client, token: 'gt-a.b' }),
  ]
}
