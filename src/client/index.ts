export { DiscoveryClient, type DiscoveryClientOptions } from './DiscoveryClient'
export {
  DEFAULT_CACHE_LIFETIME,
  DEFAULT_CACHE_SIZE,
  DEFAULT_RETRY_LIMIT,
  DEFAULT_TIMEOUT,
} from './defaults'
export { GafaelfawrDiscoveryError } from './errors/GafaelfawrDiscoveryError'
export { GafaelfawrError } from './errors/GafaelfawrError'
export { GafaelfawrForbiddenError } from './errors/GafaelfawrForbiddenError'
export { GafaelfawrMissingFieldsError } from './errors/GafaelfawrMissingFieldsError'
export { GafaelfawrNotFoundError } from './errors/GafaelfawrNotFoundError'
export type { GafaelfawrQueryError } from './errors/GafaelfawrQueryError'
export { GafaelfawrUnauthorizedError } from './errors/GafaelfawrUnauthorizedError'
export { GafaelfawrValidationError, type ValidationIssue } from './errors/GafaelfawrValidationError'
export {
  type GafaelfawrErrorDetail,
  GafaelfawrWebError,
  type GafaelfawrWebErrorOptions,
} from './errors/GafaelfawrWebError'
export { RepertoireError } from './errors/RepertoireError'
export { RepertoireUrlError } from './errors/RepertoireUrlError'
export { RepertoireValidationError } from './errors/RepertoireValidationError'
export { RepertoireWebError } from './errors/RepertoireWebError'
export { GafaelfawrClient, type GafaelfawrClientOptions } from './GafaelfawrClient'
export { type GafaelfawrLogger, silentLogger } from './logger'
export {
  type GafaelfawrUserByNameKey,
  type GafaelfawrUserInfoKey,
  gafaelfawrKeys,
} from './queryKeys'
export {
  type GafaelfawrQueryOptions,
  userInfoByNameQueryOptions,
  userInfoQueryOptions,
} from './queryOptions'
export { type Discovery, DiscoverySchema } from './schemas/DiscoverySchema'
export {
  type GafaelfawrGroup,
  type GafaelfawrNotebookQuota,
  type GafaelfawrQuota,
  type GafaelfawrTapQuota,
  type GafaelfawrUserInfo,
  QuotaSchema,
  UserInfoSchema,
} from './schemas/UserInfoSchema'
export {
  hasUserFields,
  missingUserFields,
  notebookMemoryBytes,
  type OptionalUserField,
  requireUserFields,
  supplementalGroups,
  type UserWithFields,
} from './userFields'
