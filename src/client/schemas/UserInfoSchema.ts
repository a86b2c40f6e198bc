import * as z from 'zod/mini'
import {
  arrayOf,
  jsonBoolean,
  jsonInteger,
  jsonNumber,
  jsonString,
  jsonValue,
  nullableOf,
  recordOf,
} from '../internal/leanSchemas'

// Spec §2: only `username` is always present. `/user-info` omits null fields and
// `/users/{name}` omits every default, so each default is restored here. Objects are loose:
// fields that newer servers add (as `disk` was in 2026-08) are kept, never refused.

// Leaf values are checked with the lean schemas of ../internal/leanSchemas (the same answers
// as zod's for JSON, with less of zod in the bundle).

// A whole number: ids, quotas.
const count = jsonInteger()

/** Quota for the notebook service (Nublado). `memory` is in GiB. */
export interface GafaelfawrNotebookQuota {
  cpu: number
  memory: number
  /** Whether the user may spawn a notebook at all. Defaults to `true`. */
  spawn: boolean
  [field: string]: unknown
}

/** Quota for one TAP service. */
export interface GafaelfawrTapQuota {
  concurrent: number
  [field: string]: unknown
}

/** The user's quotas; each part defaults to empty. */
export interface GafaelfawrQuota {
  /** Requests per minute, by service name. */
  api: Record<string, number>
  /** Bytes, by mount point (newer servers only). */
  disk: Record<string, number>
  notebook: GafaelfawrNotebookQuota | null
  tap: Record<string, GafaelfawrTapQuota>
  [field: string]: unknown
}

/** A group the user belongs to. */
export interface GafaelfawrGroup {
  name: string
  id: number
  [field: string]: unknown
}

/**
 * What Gafaelfawr knows of a user, with absent fields restored to their defaults: `null` for
 * name, email, uid, gid and quota, `[]` for groups. Which fields are filled depends on the
 * deployment.
 */
export interface GafaelfawrUserInfo {
  username: string
  name: string | null
  email: string | null
  uid: number | null
  gid: number | null
  groups: GafaelfawrGroup[]
  quota: GafaelfawrQuota | null
  [field: string]: unknown
}

const NotebookQuotaSchema = z.looseObject({
  cpu: jsonNumber(),
  memory: jsonNumber(),
  spawn: z._default(jsonBoolean(), true),
})

const TapQuotaSchema = z.looseObject({ concurrent: count })

/** Schema of a user's quota, defaults restored. */
export const QuotaSchema = z.looseObject({
  api: z._default(recordOf(count), () => ({})),
  disk: z._default(recordOf(count), () => ({})),
  notebook: z._default(nullableOf(NotebookQuotaSchema), null),
  tap: z._default(recordOf(TapQuotaSchema), () => ({})),
})

const GroupSchema = z.looseObject({ name: jsonString(), id: count })

/** Schema of Gafaelfawr's `UserInfo` reply, defaults restored and unknown fields kept. */
export const UserInfoSchema = z.looseObject({
  // A string within Gafaelfawr's length limit (spec §2).
  username: jsonValue<string>(
    (name) => typeof name === 'string' && name.length > 0 && name.length <= 64,
  ),
  name: z._default(nullableOf(jsonString()), null),
  email: z._default(nullableOf(jsonString()), null),
  uid: z._default(nullableOf(count), null),
  gid: z._default(nullableOf(count), null),
  groups: z._default(arrayOf(GroupSchema), () => []),
  quota: z._default(nullableOf(QuotaSchema), null),
})

// The schema's output must stay assignable to the public interface.
type _Conforms = z.output<typeof UserInfoSchema> extends GafaelfawrUserInfo ? true : never
const _conforms: _Conforms = true
void _conforms
