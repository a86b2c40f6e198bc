/**
 * Plain-language names of user fields, for sentences such as "This service needs your numeric
 * user ID (UID)". Private to the components.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  username: 'username',
  name: 'full name',
  email: 'email address',
  uid: 'numeric user ID (UID)',
  gid: 'primary group ID (GID)',
  groups: 'group memberships',
  quota: 'resource quotas',
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

/**
 * `text` with its first letter in upper case, to open a sentence.
 *
 * @param text - A phrase, such as a field label.
 * @returns The phrase, capitalised.
 */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Items joined as in an English sentence: `a`, `a and b`, `a, b and c`.
 *
 * @param items - The phrases to join.
 * @returns One phrase.
 */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
