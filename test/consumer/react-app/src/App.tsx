// What a consumer writes in its first hour: the provider with an explicit Gafaelfawr URL, a
// component reading the current user, and the client entry for a typed error check.
import { GafaelfawrProvider, type GafaelfawrUserInfo, useUserInfo } from 'gafaelfawr-react'
import { GafaelfawrUnauthorizedError } from 'gafaelfawr-react/client'

function Greeting() {
  const { data, error, isPending } = useUserInfo()
  if (isPending) return <p>Loading…</p>
  if (error) {
    return <p>{error instanceof GafaelfawrUnauthorizedError ? 'Please log in' : error.message}</p>
  }
  const user: GafaelfawrUserInfo = data
  return <p>Hello, {user.name ?? user.username}</p>
}

export function App() {
  return (
    <GafaelfawrProvider baseUrl="/auth/api/v1">
      <Greeting />
    </GafaelfawrProvider>
  )
}
