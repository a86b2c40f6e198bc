import { type ReactNode, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import {
  GafaelfawrProvider,
  UserField,
  useClearGafaelfawrCache,
  useUserInfo,
  useUserInfoByName,
} from '../../src/index'

// The page is served from the same origin as Repertoire and Gafaelfawr, as on the platform:
// the current user comes from the session; lookups by name use the service token given in
// the query string (`?token=...&lookup=...`), as an admin tool would hold one.
const params = new URLSearchParams(window.location.search)
const serviceToken = params.get('token') ?? undefined
const lookup = params.get('lookup') ?? ''

/** The signed-in user, their groups, and a button that clears the caches. */
function CurrentUser(): ReactNode {
  const { data: user, error, isFetching } = useUserInfo()
  const clearCache = useClearGafaelfawrCache()
  if (error) return <p role="alert">{error.name}</p>
  return (
    <section aria-label="Current user" aria-busy={isFetching}>
      <p>
        Signed in as <span data-testid="current-username">{user?.username ?? '…'}</span>
      </p>
      <p>
        Email: <UserField field="email" />
      </p>
      <p>
        Groups: <UserField field="groups" className="groups" />
      </p>
      <button type="button" onClick={() => clearCache()}>
        Refresh
      </button>
    </section>
  )
}

/** A user looked up by name with the service token; its missing email shows the fallback. */
function Lookup({ username }: { username: string }): ReactNode {
  const { data: found, error } = useUserInfoByName(username, { token: serviceToken })
  if (error) return <p role="alert">{error.name}</p>
  if (!found) return <p aria-busy="true">Looking up {username}…</p>
  return (
    <section aria-label="Lookup">
      <p>
        <span data-testid="lookup-username">{found.username}</span>:{' '}
        <UserField field="name" user={found} />
      </p>
      <p>
        Email: <UserField field="email" user={found} />
      </p>
    </section>
  )
}

function App(): ReactNode {
  return (
    <GafaelfawrProvider repertoireUrl="/repertoire">
      <main>
        <h1>Who am I?</h1>
        <CurrentUser />
        {lookup ? <Lookup username={lookup} /> : null}
      </main>
    </GafaelfawrProvider>
  )
}

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
