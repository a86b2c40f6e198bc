import type { MockQuota, MockUser } from '../mockUsers'

// Gafaelfawr's models serialise fields in this order (spec §2); keys of a reply follow it.
const USER_FIELDS = ['username', 'name', 'email', 'uid', 'gid', 'groups', 'quota'] as const
const QUOTA_FIELDS = ['api', 'disk', 'notebook', 'tap'] as const

type Json = Record<string, unknown>

function isEmptyObject(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  )
}

/** Known fields first, in the server's order, then any extra field the test gave. */
function ordered(source: Json, known: readonly string[]): [string, unknown][] {
  const extra = Object.keys(source).filter((key) => !known.includes(key))
  return [...known, ...extra].map((key) => [key, source[key]])
}

function groupsOf(user: MockUser): Json[] {
  return [...(user.groups ?? [])]
    .map((group) => ({ name: group.name, id: group.id }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * The quota with every part present (`{}` or `null` where absent), as the server's model
 * holds it before serialisation.
 */
function fullQuota(quota: MockQuota): Json {
  const notebook =
    quota.notebook == null ? null : { ...quota.notebook, spawn: quota.notebook.spawn ?? true }
  return Object.fromEntries(
    ordered({ api: {}, disk: {}, tap: {}, ...quota, notebook }, QUOTA_FIELDS).map(
      ([key, value]) => [key, value === undefined ? (key === 'notebook' ? null : {}) : value],
    ),
  )
}

/**
 * The body of `GET /user-info` for `user`: the model with `exclude_none`, so null fields
 * vanish but `groups: []` and empty quota parts stay (spec §2).
 */
export function toUserInfoReply(user: MockUser): Json {
  const full: Json = {
    ...user,
    groups: groupsOf(user),
    quota: user.quota == null ? null : fullQuota(user.quota),
  }
  const reply: Json = {}
  for (const [key, value] of ordered(full, USER_FIELDS)) {
    if (value === null || value === undefined) continue
    if (key === 'quota') {
      reply[key] = Object.fromEntries(
        Object.entries(value as Json).filter(([, part]) => part !== null),
      )
    } else {
      reply[key] = value
    }
  }
  return reply
}

/**
 * The body of `GET /users/{name}` for `user`: the model with `exclude_defaults`, so
 * `groups: []`, `quota: null`, empty quota parts and `spawn: true` vanish too (spec §2).
 */
export function toUserByNameReply(user: MockUser): Json {
  const info = toUserInfoReply(user)
  const reply: Json = {}
  for (const [key, value] of Object.entries(info)) {
    if (key === 'groups' && Array.isArray(value) && value.length === 0) continue
    if (key === 'quota') {
      const quota: Json = {}
      for (const [part, inner] of Object.entries(value as Json)) {
        if (isEmptyObject(inner)) continue
        if (part === 'notebook' && inner && typeof inner === 'object') {
          const { spawn, ...rest } = inner as Json
          quota[part] = spawn === true ? rest : { ...rest, spawn }
        } else {
          quota[part] = inner
        }
      }
      // A quota whose every part is a default equals the default quota object, not null;
      // the server still sends `{}` for it, as pydantic keeps a non-default sub-model.
      reply[key] = quota
      continue
    }
    reply[key] = value
  }
  return reply
}
