import * as z from 'zod/mini'

// Spec §1: Repertoire omits everything equal to its default, so every key is optional and
// `{}` is a valid document; unknown keys are kept for forward compatibility.

const ApiServiceSchema = z.looseObject({
  url: z.string(),
  openapi: z.optional(z.string()),
  versions: z._default(z.record(z.string(), z.looseObject({ url: z.string() })), () => ({})),
})

const UiServiceSchema = z.looseObject({ url: z.string() })

/** Schema of Repertoire's `/discovery` document. */
export const DiscoverySchema = z.looseObject({
  applications: z._default(z.array(z.string()), () => []),
  datasets: z._default(z.record(z.string(), z.looseObject({})), () => ({})),
  environment_name: z._default(z.nullable(z.string()), null),
  influxdb_databases: z._default(z.record(z.string(), z.looseObject({})), () => ({})),
  services: z._default(
    z.looseObject({
      internal: z._default(z.record(z.string(), ApiServiceSchema), () => ({})),
      ui: z._default(z.record(z.string(), UiServiceSchema), () => ({})),
    }),
    () => ({ internal: {}, ui: {} }),
  ),
})

/** A Repertoire discovery document, defaults restored. */
export type Discovery = z.output<typeof DiscoverySchema>
