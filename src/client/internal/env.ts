/** Reads an environment variable where `process.env` exists (Node), and nowhere else. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env
  // An empty variable counts as unset.
  return env?.[name] || undefined
}

/** A base URL without its trailing slashes, so paths can be appended with one `/`. */
export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
