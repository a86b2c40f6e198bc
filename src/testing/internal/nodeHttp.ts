import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * A Fetch `Request` for a Node request, on `origin` (the server's own, not the Host header).
 *
 * @throws {TypeError} when the request target is not a path.
 */
export function toFetchRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  // The mock never reads a body: drain it so the connection can be reused.
  req.resume()
  // Origin-form only ("/path?query"); "//host/path" stays a path on this origin.
  return new Request(`${origin}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers })
}

/**
 * Writes a Fetch `Response` to a Node response; `Response.error()` drops the connection, as a
 * network failure does.
 */
export async function writeFetchResponse(
  response: Response,
  res: ServerResponse,
  method: string,
): Promise<void> {
  if (response.type === 'error') {
    res.socket?.destroy()
    return
  }
  const body = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  headers['content-length'] = String(body.length)
  res.writeHead(response.status, headers)
  res.end(method === 'HEAD' ? undefined : body)
}
