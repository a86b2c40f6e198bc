// A Node service (no bundler, TypeScript's NodeNext resolution) using the client entry.
import {
  DEFAULT_CACHE_LIFETIME,
  GafaelfawrClient,
  GafaelfawrError,
  type GafaelfawrUserInfo,
} from 'gafaelfawr-react/client'

export async function whoIs(token: string): Promise<string> {
  const client = new GafaelfawrClient({
    repertoireUrl: 'https://data.example.com/repertoire',
    cacheLifetime: DEFAULT_CACHE_LIFETIME,
  })
  try {
    const user: GafaelfawrUserInfo = await client.getUserInfo(token)
    return user.username
  } catch (error) {
    if (error instanceof GafaelfawrError) return `failed: ${error.message}`
    throw error
  }
}
