import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  })
}

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)
}

/**
 * Serves a file of `root` for `url`: `index.html` for a directory, 404 for anything missing,
 * and never anything outside `root` (encoded `..`, symbolic links leading out included).
 *
 * @param root - The folder to serve, already resolved to its real path.
 */
export async function serveStatic(root: string, url: URL, method: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD')
    return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' })
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return plain(400, 'Bad Request')
  }
  if (pathname.includes('\0')) return plain(400, 'Bad Request')
  let file = resolve(root, `.${pathname}`)
  if (!inside(root, file)) return plain(404, 'Not Found')
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
    const real = await realpath(file)
    if (!inside(root, real) || !(await stat(real)).isFile()) return plain(404, 'Not Found')
    const body = await readFile(real)
    const type = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream'
    return new Response(body, { status: 200, headers: { 'Content-Type': type } })
  } catch {
    return plain(404, 'Not Found')
  }
}
