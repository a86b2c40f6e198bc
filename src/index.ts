'use client'

export {
  DEFAULT_CACHE_LIFETIME,
  DEFAULT_CACHE_SIZE,
  DEFAULT_RETRY_LIMIT,
  DEFAULT_TIMEOUT,
  type Discovery,
  DiscoveryClient,
  type DiscoveryClientOptions,
  DiscoverySchema,
  GafaelfawrClient,
  type GafaelfawrClientOptions,
  GafaelfawrDiscoveryError,
  GafaelfawrError,
  type GafaelfawrErrorDetail,
  GafaelfawrForbiddenError,
  type GafaelfawrGroup,
  type GafaelfawrLogger,
  GafaelfawrMissingFieldsError,
  type GafaelfawrNotebookQuota,
  GafaelfawrNotFoundError,
  type GafaelfawrQueryError,
  type GafaelfawrQueryOptions,
  type GafaelfawrQuota,
  type GafaelfawrTapQuota,
  GafaelfawrUnauthorizedError,
  type GafaelfawrUserByNameKey,
  type GafaelfawrUserInfo,
  type GafaelfawrUserInfoKey,
  GafaelfawrValidationError,
  GafaelfawrWebError,
  type GafaelfawrWebErrorOptions,
  gafaelfawrKeys,
  hasUserFields,
  missingUserFields,
  notebookMemoryBytes,
  type OptionalUserField,
  QuotaSchema,
  RepertoireError,
  RepertoireUrlError,
  RepertoireValidationError,
  RepertoireWebError,
  requireUserFields,
  silentLogger,
  supplementalGroups,
  UserInfoSchema,
  type UserWithFields,
  userInfoByNameQueryOptions,
  userInfoQueryOptions,
  type ValidationIssue,
} from './client/index'
export {
  MissingUserFields,
  type MissingUserFieldsProps,
} from './components/MissingUserFields'
export { RequireUserFields, type RequireUserFieldsProps } from './components/RequireUserFields'
export { UserField, type UserFieldName, type UserFieldProps } from './components/UserField'
export {
  GafaelfawrProvider,
  type GafaelfawrProviderClientProps,
  type GafaelfawrProviderOptions,
  type GafaelfawrProviderOptionsProps,
  type GafaelfawrProviderProps,
} from './react/GafaelfawrProvider'
export { useClearGafaelfawrCache } from './react/useClearGafaelfawrCache'
export { useGafaelfawrClient } from './react/useGafaelfawrClient'
export {
  type UseSuspenseUserInfoOptions,
  useSuspenseUserInfo,
} from './react/useSuspenseUserInfo'
export {
  type UseSuspenseUserInfoByNameOptions,
  useSuspenseUserInfoByName,
} from './react/useSuspenseUserInfoByName'
export { type UseUserInfoOptions, useUserInfo } from './react/useUserInfo'
export { type UseUserInfoByNameOptions, useUserInfoByName } from './react/useUserInfoByName'
