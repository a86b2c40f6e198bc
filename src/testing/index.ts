'use client'

export {
  type MockCredentialKind,
  type MockFailOptions,
  type MockFailureKind,
  MockGafaelfawr,
  type MockGafaelfawrAction,
  type MockGafaelfawrOptions,
  type MockGafaelfawrRequest,
  type MockSessionOptions,
  type MockTokenOptions,
} from './MockGafaelfawr'
export {
  type MockGafaelfawrErrorInstance,
  type MockGafaelfawrErrorName,
  MockGafaelfawrProvider,
  type MockGafaelfawrProviderProps,
  type MockGafaelfawrState,
} from './MockGafaelfawrProvider'
export {
  type MockGroup,
  type MockNotebookQuota,
  type MockPersonaName,
  type MockQuota,
  type MockUser,
  mockUsers,
} from './mockUsers'
