import type * as z from 'zod/mini'
import type { ValidationIssue } from '../errors/GafaelfawrValidationError'

/** Turns zod's issues into the library's own, plain and serialisable. */
export function toIssues(error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: [...issue.path], message: issue.message }))
}

/** One line that names each bad field and what was wrong with it. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .slice(0, 5)
    .map(
      ({ path, message }) =>
        `${path.length > 0 ? path.map(String).join('.') : '(root)'}: ${message}`,
    )
    .concat(issues.length > 5 ? [`and ${issues.length - 5} more`] : [])
    .join('; ')
}
