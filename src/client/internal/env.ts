/** Reads an environment variable where `process.env` exists (Node), and nowhere else. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env
  const value = env?.[name]
  return value === undefined || value === '' ? undefined : value
}

/** A base URL without its trailing slashes, so paths can be appended with one `/`. */
export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
