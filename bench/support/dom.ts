import { createRequire } from 'node:module'

/** The part of jsdom used here; the package ships no types and @types/jsdom is not installed. */
interface JSDOM {
  readonly window: Window & typeof globalThis
}
type JSDOMConstructor = new (
  html: string,
  options: { url: string; pretendToBeVisual: boolean },
) => JSDOM

const require = createRequire(import.meta.url)

let installed: JSDOM | undefined

/**
 * Gives Node a browser-like global scope (jsdom's window, document and navigator) so that
 * react-dom can render. Call it before anything imports react-dom or @tanstack/query-core:
 * query-core decides once, on import, whether it runs on a server.
 *
 * @returns The jsdom instance (the same one on every call).
 */
export function installDom(): JSDOM {
  if (installed) return installed
  const { JSDOM } = require('jsdom') as { JSDOM: JSDOMConstructor }
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'https://data.example.com/portal/',
    pretendToBeVisual: true,
  })
  const { window } = dom
  const globals: Record<string, unknown> = {
    window,
    document: window.document,
    navigator: window.navigator,
    HTMLElement: window.HTMLElement,
    Node: window.Node,
    Event: window.Event,
  }
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true })
  }
  installed = dom
  return dom
}
