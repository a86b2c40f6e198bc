// Gafaelfawr's replies, byte for byte where it matters (spec §3, and the server's
// `auth.py`, `dependencies/auth.py` and `handlers/api.py`). FastAPI writes compact JSON.

/** The server's `Cache-Control` on authentication failures and backend errors. */
const NO_CACHE = 'no-cache, no-store'

/** A JSON reply, compact as FastAPI writes it. */
export function jsonReply(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

/** `{"detail": [{"msg", "type"}]}`, the shape of Gafaelfawr's own errors. */
function detailList(msg: string, type: string): { detail: { msg: string; type: string }[] } {
  return { detail: [{ msg, type }] }
}

/** Python's `json.dumps`, which the server uses for `X-Error-Body`: `", "` and `": "`. */
function pythonJson(body: ReturnType<typeof detailList>): string {
  const [item] = body.detail
  return `{"detail": [{"msg": ${JSON.stringify(item?.msg)}, "type": ${JSON.stringify(item?.type)}}]}`
}

/** The challenge of `AuthErrorChallenge.to_header()`; quotes and backslashes are stripped. */
function errorChallenge(realm: string, error: string, description: string): string {
  const cleaned = description.replace(/["\\]/g, '')
  return `Bearer realm="${realm}", error="${error}", error_description="${cleaned}"`
}

/**
 * `generate_challenge()`: a bearer error with its challenge, and the real status and body
 * also in `X-Error-Status` / `X-Error-Body` (for NGINX); a status other than 401 or 403 is
 * sent as 403.
 */
function challengeReply(realm: string, status: number, type: string, msg: string): Response {
  const body = detailList(msg, type)
  return jsonReply(status === 401 || status === 403 ? status : 403, body, {
    'Cache-Control': NO_CACHE,
    'WWW-Authenticate': errorChallenge(realm, type, msg),
    'X-Error-Status': String(status),
    'X-Error-Body': pythonJson(body),
  })
}

/** 401 for a request without credentials; here `detail` is an object, not a list. */
export function noAuthorization(realm: string): Response {
  return jsonReply(
    401,
    { detail: { msg: 'Authentication required', type: 'no_authorization' } },
    { 'Cache-Control': NO_CACHE, 'WWW-Authenticate': `Bearer realm="${realm}"` },
  )
}

/** 401 for a token that is unknown, expired or not of the token format. */
export function invalidToken(realm: string, msg = 'Token is not valid'): Response {
  return challengeReply(realm, 401, 'invalid_token', msg)
}

/** 403 (the error's own status is 400) for an `Authorization` header that cannot be parsed. */
export function invalidRequest(realm: string, msg: string): Response {
  return challengeReply(realm, 400, 'invalid_request', msg)
}

/** 403 for a by-name lookup of someone else without `admin:userinfo`. */
export function permissionDenied(username: string): Response {
  return jsonReply(
    403,
    detailList(`Cannot get information for user ${username}`, 'permission_denied'),
  )
}

/** 404 for a by-name lookup where no LDAP is configured (GitHub deployments). */
export function notSupported(): Response {
  return jsonReply(
    404,
    detailList('No external user information source configured', 'not_supported'),
  )
}

/** 500 from `/user-info` when the user-information backend (LDAP, Firestore) fails. */
export function userInfoFailed(): Response {
  return jsonReply(500, detailList('Unable to get user information', 'user_info_failed'), {
    'Cache-Control': NO_CACHE,
  })
}

/**
 * 500 from `/users/{name}` when LDAP fails: that route catches nothing, so the exception
 * reaches Starlette, which answers in plain text.
 */
export function internalServerError(): Response {
  return new Response('Internal Server Error', {
    status: 500,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** A 200 whose body is not JSON, as a misconfigured proxy might send. */
export function malformedReply(): Response {
  return new Response('<!doctype html><html><body>Sign in</body></html>', {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  })
}

/** FastAPI's 404 for a path no route matches. */
export function routeNotFound(): Response {
  return jsonReply(404, { detail: 'Not Found' })
}

/** Starlette's 405 for a route that exists for other methods only. */
export function methodNotAllowed(allow: string): Response {
  return jsonReply(405, { detail: 'Method Not Allowed' }, { Allow: allow })
}

/** FastAPI's 422 for a path parameter that fails validation (pydantic 2 error shape). */
export function pathValidationError(
  name: string,
  input: string,
  error: { type: string; msg: string; ctx: Record<string, unknown> },
): Response {
  return jsonReply(422, {
    detail: [{ type: error.type, loc: ['path', name], msg: error.msg, input, ctx: error.ctx }],
  })
}
