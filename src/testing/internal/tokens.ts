// Gafaelfawr's token format (spec §2, `models/token.py`): `gt-<key>.<secret>`, each part the
// URL-safe base64 of 16 random bytes without padding, so 22 characters.

const PART_LENGTH = 22

function randomPart(): string {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A new random token of the real format. */
export function randomToken(): string {
  return `gt-${randomPart()}.${randomPart()}`
}

/**
 * Why `token` is not of the token format, in the server's words (`Token.from_str`), or
 * undefined when it is.
 */
export function tokenFormatProblem(token: string): string | undefined {
  if (!token.startsWith('gt-')) return 'Token does not start with gt-'
  const trimmed = token.slice(3)
  const dot = trimmed.indexOf('.')
  if (dot < 0) return 'Token is malformed'
  if (dot !== PART_LENGTH || trimmed.length - dot - 1 !== PART_LENGTH) return 'Token is malformed'
  return undefined
}
