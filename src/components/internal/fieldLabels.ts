/**
 * Plain-language names of user fields, for sentences such as "This service needs the numeric
 * user ID (UID) of your account". A field named plainly by its key (`groups`) has no entry.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'full name',
  email: 'email address',
  uid: 'numeric user ID (UID)',
  gid: 'primary group ID (GID)',
}

/**
 * The plain-language name of `field`, lower case; a field it does not know is named as it is.
 *
 * @param field - A field of `GafaelfawrUserInfo`, such as `uid`.
 * @returns Its name for people, such as `numeric user ID (UID)`.
 */
export function fieldLabel(field: string): string {
  return Object.hasOwn(FIELD_LABELS, field) ? (FIELD_LABELS[field] as string) : field
}
