import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { DiscoverySchema, QuotaSchema, UserInfoSchema } from '../../src/client'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import fullQuota from '../fixtures/gafaelfawr/userinfo-full-quota.json'
import ldapNullQuota from '../fixtures/gafaelfawr/userinfo-ldap-null-quota.json'
import usersList from '../fixtures/gafaelfawr/users-list-firestore.json'
import gafaelfawrOnly from '../fixtures/repertoire/gafaelfawr-only.json'
import minimal from '../fixtures/repertoire/minimal.json'
import phalanx from '../fixtures/repertoire/phalanx.json'

const USER_FIXTURES: Array<[string, unknown]> = [
  ['someuser.json', someuser],
  ['otheruser.json', otheruser],
  ['userinfo-full-quota.json', fullQuota],
  ['userinfo-ldap-null-quota.json', ldapNullQuota],
  ...usersList.map((entry): [string, unknown] => [
    `users-list-firestore.json ${entry.username}`,
    entry,
  ]),
]

describe('UserInfoSchema', () => {
  it.each(USER_FIXTURES)('parses %s and restores every default', (_, fixture) => {
    const user = UserInfoSchema.parse(fixture)
    const input = fixture as Record<string, unknown>

    expect(user.username).toBe(input.username)
    for (const field of ['name', 'email', 'uid', 'gid'] as const) {
      expect(user[field]).toEqual(input[field] ?? null)
    }
    expect(user.groups).toEqual(input.groups ?? [])
    if (input.quota === undefined || input.quota === null) {
      expect(user.quota).toBeNull()
    } else {
      const quota = input.quota as Record<string, unknown>
      expect(user.quota).toEqual({
        api: quota.api ?? {},
        disk: quota.disk ?? {},
        notebook: quota.notebook ?? null,
        tap: quota.tap ?? {},
      })
    }
  })

  it('restores the defaults of a username-only reply', () => {
    expect(UserInfoSchema.parse({ username: 'unknown-user' })).toEqual({
      username: 'unknown-user',
      name: null,
      email: null,
      uid: null,
      gid: null,
      groups: [],
      quota: null,
    })
  })

  it('restores empty api, disk and tap, and a null notebook, in a partial quota', () => {
    expect(UserInfoSchema.parse(someuser).quota).toEqual({
      api: {},
      disk: {},
      notebook: null,
      tap: { ssotap: { concurrent: 2 } },
    })
  })

  it('parses a quota with disk, and one from an older server without it', () => {
    const { disk: _disk, ...olderQuota } = fullQuota.quota

    expect(UserInfoSchema.parse(fullQuota).quota?.disk).toEqual({ '/home': 42949672960 })
    expect(UserInfoSchema.parse({ ...fullQuota, quota: olderQuota }).quota?.disk).toEqual({})
  })

  it('restores spawn: true in a notebook quota that omits it', () => {
    expect(QuotaSchema.parse({ notebook: { cpu: 1, memory: 2 } }).notebook?.spawn).toBe(true)
  })

  it('keeps unknown fields of the user, groups and quota', () => {
    const user = UserInfoSchema.parse({
      ...fullQuota,
      added_in_2027: { nested: true },
      groups: [{ id: 1, name: 'g', description: 'x' }],
      quota: { ...fullQuota.quota, gpu: 2, tap: { qserv: { concurrent: 1, queued: 3 } } },
    })

    expect(user.added_in_2027).toEqual({ nested: true })
    expect(user.groups[0]?.description).toBe('x')
    expect(user.quota?.gpu).toBe(2)
    expect(user.quota?.tap.qserv?.queued).toBe(3)
  })

  it.each([
    ['a uid that is not a number', { username: 'u-x', uid: 'abc' }, ['uid']],
    ['a uid that is not whole', { username: 'u-x', uid: 1.5 }, ['uid']],
    ['a group without an id', { username: 'u-x', groups: [{ name: 'g' }] }, ['groups', 0, 'id']],
    ['groups that are not a list', { username: 'u-x', groups: { name: 'g', id: 1 } }, ['groups']],
    [
      'the second of two groups with a numeric name',
      {
        username: 'u-x',
        groups: [
          { name: 'g', id: 1 },
          { name: 2, id: 2 },
        ],
      },
      ['groups', 1, 'name'],
    ],
    ['a group that is not an object', { username: 'u-x', groups: [null] }, ['groups', 0]],
    ['no username', { name: 'x' }, ['username']],
    ['an empty username', { username: '' }, ['username']],
    ['a username over 64 characters', { username: 'a'.repeat(65) }, ['username']],
    [
      'a notebook quota without memory',
      { username: 'u-x', quota: { notebook: { cpu: 1 } } },
      ['quota', 'notebook', 'memory'],
    ],
    [
      'an api quota that is not whole',
      { username: 'u-x', quota: { api: { x: 0.5 } } },
      ['quota', 'api', 'x'],
    ],
  ])('refuses %s, naming the field', (_, input, path) => {
    const result = UserInfoSchema.safeParse(input)

    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path)
  })

  const quotaLike = fc.oneof(
    fc.record(
      {
        api: fc.oneof(
          fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.jsonValue())),
          fc.jsonValue(),
        ),
        notebook: fc.oneof(
          fc.constant(null),
          fc.record({ cpu: fc.double(), memory: fc.jsonValue() }, { requiredKeys: [] }),
        ),
      },
      { requiredKeys: [] },
    ),
    fc.jsonValue(),
  )
  const groupLike = fc.record(
    { name: fc.oneof(fc.string(), fc.jsonValue()), id: fc.oneof(fc.integer(), fc.jsonValue()) },
    { requiredKeys: [] },
  )

  it.each([
    [
      'groups',
      z.array(z.looseObject({ name: z.string(), id: z.int() })),
      fc.array(fc.oneof(groupLike, fc.jsonValue())),
    ],
    ['quota', z.nullable(QuotaSchema), quotaLike],
    ['name', z.nullable(z.string()), fc.oneof(fc.string(), fc.constant(null))],
    ['uid', z.nullable(z.int()), fc.oneof(fc.integer(), fc.constant(null))],
  ] as const)(
    "checks %s as zod's own schemas do: same verdict, issue paths and output",
    (field, reference, likely) => {
      const paths = (issues: ReadonlyArray<{ path: PropertyKey[] }> | undefined) =>
        (issues ?? []).map(({ path }) => JSON.stringify(path)).sort()

      fc.assert(
        fc.property(fc.oneof(likely, fc.jsonValue()), (value) => {
          const ours = UserInfoSchema.safeParse({ username: 'u-x', [field]: value })
          const theirs = reference.safeParse(value)

          expect(ours.success).toBe(theirs.success)
          expect(paths(ours.error?.issues)).toEqual(
            paths(theirs.error?.issues.map(({ path }) => ({ path: [field, ...path] }))),
          )
          if (ours.success) expect(ours.data[field]).toEqual(theirs.data)
        }),
        { numRuns: 300 },
      )
    },
  )
})

describe('DiscoverySchema', () => {
  it('parses the empty document with every default restored', () => {
    expect(DiscoverySchema.parse(minimal)).toEqual({
      applications: [],
      datasets: {},
      environment_name: null,
      influxdb_databases: {},
      services: { internal: {}, ui: {} },
    })
  })

  it('parses the Gafaelfawr-only document, restoring the ui section', () => {
    const discovery = DiscoverySchema.parse(gafaelfawrOnly)

    expect(discovery.services.internal.gafaelfawr?.versions.v1?.url).toBe(
      'https://data.example.com/auth/api/v1',
    )
    expect(discovery.services.ui).toEqual({})
  })

  it('parses the full Phalanx document and keeps dataset details', () => {
    const discovery = DiscoverySchema.parse(phalanx)

    expect(discovery.applications).toHaveLength(phalanx.applications.length)
    expect(discovery.datasets.dp1?.docs_url).toBe('https://dp1.example.com/')
    expect(discovery.services.internal.mobu?.versions).toEqual({})
    expect(discovery.influxdb_databases.idfdev_efd?.database).toBe('efd')
  })

  it('refuses an application that is not a string, naming its index', () => {
    const result = DiscoverySchema.safeParse({ applications: ['gafaelfawr', 7, 'nublado'] })

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['applications', 1]])
  })

  it('refuses a service without a url', () => {
    const result = DiscoverySchema.safeParse({ services: { ui: { portal: {} } } })

    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual([
      'services',
      'ui',
      'portal',
      'url',
    ])
  })
})
