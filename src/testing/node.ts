// Node-only entry of the testing kit (`gafaelfawr-react/testing/node`): it pulls in
// `node:http`, so it stays apart from the browser-safe `gafaelfawr-react/testing`.
export {
  type MockGafaelfawrServer,
  type MockGafaelfawrServerOptions,
  startMockGafaelfawrServer,
} from './startMockGafaelfawrServer'
