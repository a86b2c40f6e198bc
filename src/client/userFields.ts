import { GafaelfawrMissingFieldsError } from './errors/GafaelfawrMissingFieldsError'
import type { GafaelfawrNotebookQuota, GafaelfawrUserInfo } from './schemas/UserInfoSchema'

/** The fields of a user that a deployment may leave empty (null). */
export type OptionalUserField = 'name' | 'email' | 'uid' | 'gid' | 'quota'

/** A user whose fields `F` are known to be filled. */
export type UserWithFields<F extends OptionalUserField> = GafaelfawrUserInfo & {
  [K in F]: NonNullable<GafaelfawrUserInfo[K]>
}

/** The fields of `fields` that `user` lacks, in the order asked. */
export function missingUserFields(
  user: GafaelfawrUserInfo,
  fields: readonly OptionalUserField[],
): OptionalUserField[] {
  return fields.filter((field) => user[field] == null)
}

/**
 * Whether `user` has every field of `fields`; a type guard that makes them non-null.
 *
 * @example
 * ```ts
 * if (hasUserFields(user, ['uid', 'gid'])) spawn(user.uid, user.gid)
 * ```
 */
export function hasUserFields<F extends OptionalUserField>(
  user: GafaelfawrUserInfo,
  fields: readonly F[],
): user is UserWithFields<F> {
  return missingUserFields(user, fields).length === 0
}

/**
 * `user`, typed with `fields` non-null.
 *
 * @throws {GafaelfawrMissingFieldsError} naming every missing field.
 */
export function requireUserFields<F extends OptionalUserField>(
  user: GafaelfawrUserInfo,
  fields: readonly F[],
): UserWithFields<F> {
  const missing = missingUserFields(user, fields)
  if (missing.length > 0) throw new GafaelfawrMissingFieldsError(user.username, missing)
  return user as UserWithFields<F>
}

/** Every group id of the user, as `supplemental_groups` in the Python client. */
export function supplementalGroups(user: GafaelfawrUserInfo): number[] {
  return user.groups.map((group) => group.id)
}

/** The notebook memory quota in bytes, `floor(memory × 1024³)`; null without a quota. */
export function notebookMemoryBytes(
  quota: { notebook: GafaelfawrNotebookQuota | null } | null | undefined,
): number | null {
  const memory = quota?.notebook?.memory
  return memory === undefined ? null : Math.floor(memory * 1024 ** 3)
}
