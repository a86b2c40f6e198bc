import { describe, expect, it } from 'vitest'
import {
  GafaelfawrError,
  GafaelfawrMissingFieldsError,
  hasUserFields,
  missingUserFields,
  notebookMemoryBytes,
  requireUserFields,
  supplementalGroups,
  UserInfoSchema,
} from '../../src/client'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import fullQuota from '../fixtures/gafaelfawr/userinfo-full-quota.json'
import usersList from '../fixtures/gafaelfawr/users-list-firestore.json'

const full = UserInfoSchema.parse(fullQuota)
const other = UserInfoSchema.parse(otheruser)
const [ldapUser, groupsOnly, nonAscii, unknownUser] = usersList.map((entry) =>
  UserInfoSchema.parse(entry),
)

describe('hasUserFields', () => {
  it('is true when every field asked for is filled', () => {
    expect(hasUserFields(full, ['name', 'email', 'uid', 'gid', 'quota'])).toBe(true)
    expect(hasUserFields(other, ['uid', 'gid'])).toBe(true)
  })

  it('is false when any field asked for is null', () => {
    expect(hasUserFields(other, ['uid', 'email'])).toBe(false)
    expect(hasUserFields(other, ['quota'])).toBe(false)
    expect(hasUserFields(unknownUser as never, ['name'])).toBe(false)
  })

  it('is true for an empty list of fields', () => {
    expect(hasUserFields(unknownUser as never, [])).toBe(true)
  })

  it('narrows the type so the fields can be used as non-null', () => {
    const user = nonAscii as typeof full
    if (!hasUserFields(user, ['uid', 'gid'])) throw new Error('expected uid and gid')
    const ids: number[] = [user.uid, user.gid]

    expect(ids).toEqual([3000001, 3000001])
  })
})

describe('requireUserFields', () => {
  it('returns the same user when every field is filled', () => {
    expect(requireUserFields(full, ['uid', 'gid', 'email'])).toBe(full)
  })

  it('throws GafaelfawrMissingFieldsError listing the missing fields in the order asked', () => {
    let error: unknown
    try {
      requireUserFields(groupsOnly as never, ['uid', 'name', 'gid', 'email'])
    } catch (thrown) {
      error = thrown
    }

    expect(error).toBeInstanceOf(GafaelfawrMissingFieldsError)
    expect(error).toBeInstanceOf(GafaelfawrError)
    const missing = error as GafaelfawrMissingFieldsError
    expect(missing.missing).toEqual(['uid', 'name', 'gid', 'email'])
    expect(missing.username).toBe('ldap-user')
    expect(missing.message).toContain('ldap-user')
    expect(missing.message).toContain('uid')
    expect(missing.name).toBe('GafaelfawrMissingFieldsError')
  })

  it('names only the fields that are missing', () => {
    let error: unknown
    try {
      requireUserFields(nonAscii as never, ['uid', 'email', 'gid', 'quota'])
    } catch (thrown) {
      error = thrown
    }

    expect((error as GafaelfawrMissingFieldsError).missing).toEqual(['email', 'quota'])
    expect(missingUserFields(nonAscii as never, ['uid', 'email', 'gid', 'quota'])).toEqual([
      'email',
      'quota',
    ])
  })
})

describe('supplementalGroups', () => {
  it('lists every group id in order', () => {
    expect(supplementalGroups(ldapUser as never)).toEqual([3000000, 2000000, 2000001, 2000002])
    expect(supplementalGroups(full)).toEqual([12313])
  })

  it('is empty for a user without groups', () => {
    expect(supplementalGroups(unknownUser as never)).toEqual([])
  })
})

describe('notebookMemoryBytes', () => {
  it('converts GiB to bytes', () => {
    expect(notebookMemoryBytes(full.quota)).toBe(8 * 1024 ** 3)
  })

  it('rounds a fractional amount down to a whole byte', () => {
    const quota = { notebook: { cpu: 1, memory: 0.7, spawn: true } }

    expect(notebookMemoryBytes(quota)).toBe(751619276)
    expect(notebookMemoryBytes({ notebook: { cpu: 1, memory: 1.5, spawn: true } })).toBe(1610612736)
  })

  it('is null without a quota or without a notebook quota', () => {
    expect(notebookMemoryBytes(null)).toBeNull()
    expect(notebookMemoryBytes(undefined)).toBeNull()
    expect(notebookMemoryBytes(other.quota)).toBeNull()
    expect(notebookMemoryBytes({ notebook: null })).toBeNull()
  })

  it('is zero for a zero memory quota, not null', () => {
    expect(notebookMemoryBytes({ notebook: { cpu: 1, memory: 0, spawn: false } })).toBe(0)
  })
})
