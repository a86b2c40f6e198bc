// Placeholder: scripts/consumer-smoke.mjs replaces this file with a namespace import of every
// entry in package.json `exports`.
export const entries: object[] = []
