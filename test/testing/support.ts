/** One reply, read whole: status, headers, and the body as JSON when it is JSON, else text. */
export interface Reply {
  status: number
  headers: Headers
  text: string
  body: unknown
}

export interface CallOptions {
  token?: string
  headers?: Record<string, string>
  method?: string
}

/** Sends one request with fetch and reads the whole reply. */
export async function call(url: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`
  const response = await fetch(url, { method: options.method ?? 'GET', headers })
  const text = await response.text()
  let body: unknown = text
  if (response.headers.get('content-type')?.startsWith('application/json')) body = JSON.parse(text)
  return { status: response.status, headers: response.headers, text, body }
}

/** The format of a Gafaelfawr token (spec §2). */
export const TOKEN_FORMAT = /^gt-[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/

/** A well-formed token that no mock ever issued. */
export const UNKNOWN_TOKEN = `gt-${'A'.repeat(22)}.${'B'.repeat(22)}`

/** Gafaelfawr's username rule, as spec §2 states it. */
export const USERNAME_RULE = /^[a-z0-9](?:[a-z0-9]|-[a-z0-9])*[a-z](?:[a-z0-9]|-[a-z0-9])*$/

/** The challenge Gafaelfawr sends with an invalid token. */
export function invalidTokenChallenge(realm: string, description = 'Token is not valid'): string {
  return `Bearer realm="${realm}", error="invalid_token", error_description="${description}"`
}
