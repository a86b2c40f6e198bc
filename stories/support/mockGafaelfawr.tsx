import type { Decorator, Loader, Parameters } from '@storybook/react-vite'
import { GafaelfawrProvider, type GafaelfawrProviderOptionsProps } from '../../src/index'
import { MockGafaelfawr, type MockUser } from '../../src/testing/index'

/** Where the mock answers, on the page's own origin: the Gafaelfawr API has no CORS. */
export const REPERTOIRE_URL = '/repertoire'
export const API_URL = '/auth/api/v1'

/** Provider options a story may add, such as a token made by the mock. */
export type StoryProviderOptions = Omit<GafaelfawrProviderOptionsProps, 'children' | 'client'>

/** What the mock loader hands to the story's render and play functions, as `loaded`. */
export interface MockLoaded {
  /** This story's own mock: seed users, tokens and failures through it, read its requests. */
  mock: MockGafaelfawr
  /** The options given to this story's `<GafaelfawrProvider>`. */
  provider: StoryProviderOptions
  /** Different for every render of a story, to key its provider. */
  run: number
}

/** Seeds a fresh mock, and may return extra provider options (a token it made, say). */
// biome-ignore lint/suspicious/noConfusingVoidType: a setup that returns nothing is the common case
export type MockSetup = (mock: MockGafaelfawr) => StoryProviderOptions | undefined | void

let runs = 0

/**
 * A story loader that builds a fresh `MockGafaelfawr` for one render of a story, seeds it with
 * `setup` and puts its MSW handlers in place. The project's `mswLoader()` runs first and resets
 * the worker, so nothing is shared between stories.
 *
 * @param setup - Seeds the mock; may return provider options.
 * @returns The loader; its result is `MockLoaded`.
 */
export function mockGafaelfawrLoader(setup: MockSetup = () => {}): Loader {
  return async ({ msw }) => {
    const mock = new MockGafaelfawr({ repertoireUrl: REPERTOIRE_URL, baseUrl: API_URL })
    const provider = setup(mock) ?? {}
    msw.use(...mock.handlers)
    runs += 1
    const loaded: MockLoaded = { mock, provider, run: runs }
    return loaded
  }
}

/** The `MockLoaded` of a story context (fails loudly if the story has no mock loader). */
export function mockOf(loaded: Record<string, unknown>): MockLoaded {
  if (!(loaded.mock instanceof MockGafaelfawr)) {
    throw new Error('This story has no mockGafaelfawrLoader(): add withMockGafaelfawr() to it')
  }
  return loaded as unknown as MockLoaded
}

/** Wraps the story in its own `<GafaelfawrProvider>`, keyed by render: a fresh client each time. */
const providerDecorator: Decorator = (Story, { loaded }) => {
  const { provider, run } = mockOf(loaded)
  return (
    <GafaelfawrProvider key={run} repertoireUrl={REPERTOIRE_URL} {...provider}>
      <Story />
    </GafaelfawrProvider>
  )
}

/**
 * Docs pages render stories side by side and the addon's loader resets the worker for each
 * one: an iframe per story gives each its own MSW worker client and handlers.
 */
const isolatedDocs: Parameters = { docs: { story: { inline: false, height: '220px' } } }

/**
 * The annotations of a story that talks to its own mock Gafaelfawr over (mocked) HTTP, through
 * a real `<GafaelfawrProvider repertoireUrl="/repertoire">`: discovery, then the API.
 *
 * @param setup - Seeds the mock; may return provider options such as `{ token }`.
 * @returns `loaders`, `decorators` and `parameters` to spread into the story.
 */
export function withMockGafaelfawr(setup?: MockSetup): {
  loaders: Loader[]
  decorators: Decorator[]
  parameters: Parameters
} {
  return {
    loaders: [mockGafaelfawrLoader(setup)],
    decorators: [providerDecorator],
    parameters: isolatedDocs,
  }
}

/**
 * Logs `user` in with a browser session: puts them in the directory (unless `inDirectory` is
 * false: a user unknown to LDAP) and makes them the session user.
 */
export function logInAs(mock: MockGafaelfawr, user: MockUser, inDirectory = true): void {
  if (inDirectory) mock.setUserInfo(user.username, user)
  mock.setSessionUser(user.username)
}

/** The requests the mock answered for `path` (such as `/users/rachel`), below the API URL. */
export function requestsTo(mock: MockGafaelfawr, path: string): number {
  return mock.requests.filter((request) => request.path === `${API_URL}${path}`).length
}
