import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as client from '../../src/client/index'
import * as main from '../../src/index'

const REACT_API = [
  'GafaelfawrProvider',
  'MissingUserFields',
  'RequireUserFields',
  'UserField',
  'useClearGafaelfawrCache',
  'useGafaelfawrClient',
  'useSuspenseUserInfo',
  'useSuspenseUserInfoByName',
  'useUserInfo',
  'useUserInfoByName',
]

describe('main entry', () => {
  it('starts with the "use client" directive', () => {
    const source = readFileSync(new URL('../../src/index.ts', import.meta.url), 'utf8')
    expect(source.startsWith("'use client'\n")).toBe(true)
  })

  it('re-exports every export of the client entry, as the same objects', () => {
    for (const [name, value] of Object.entries(client)) {
      expect(main, name).toHaveProperty(name)
      expect((main as Record<string, unknown>)[name], name).toBe(value)
    }
  })

  it('adds the React API and nothing else', () => {
    const added = Object.keys(main).filter((name) => !(name in client))
    expect(added.sort()).toEqual(REACT_API)
    for (const name of REACT_API) {
      expect(typeof (main as Record<string, unknown>)[name], name).toBe('function')
    }
  })

  it('imports in Node, where there is no window', () => {
    expect(typeof window).toBe('undefined')
    expect(main.GafaelfawrProvider).toBeTypeOf('function')
  })
})
