// Placeholder: scripts/consumer-smoke.mjs replaces this file with a namespace import of every
// browser entry in package.json `exports`.
export const entries: Record<string, object> = {}
