import * as z from 'zod/mini'
import { arrayOf, jsonString, nullableOf, recordOf } from '../internal/leanSchemas'

// Spec §1: Repertoire omits everything equal to its default, so every key is optional and
// `{}` is a valid document; unknown keys are kept for forward compatibility. A service's other
// keys (`openapi`) are kept unchecked: the library does not read them, and checking one would
// cost zod's optional schema (about 0.13 kB gzipped).

const ApiServiceSchema = z.looseObject({
  url: jsonString(),
  versions: z._default(recordOf(z.looseObject({ url: jsonString() })), () => ({})),
})

const UiServiceSchema = z.looseObject({ url: jsonString() })

/** Schema of Repertoire's `/discovery` document. */
export const DiscoverySchema = z.looseObject({
  applications: z._default(arrayOf(jsonString()), () => []),
  datasets: z._default(recordOf(z.looseObject({})), () => ({})),
  environment_name: z._default(nullableOf(jsonString()), null),
  influxdb_databases: z._default(recordOf(z.looseObject({})), () => ({})),
  services: z._default(
    z.looseObject({
      internal: z._default(recordOf(ApiServiceSchema), () => ({})),
      ui: z._default(recordOf(UiServiceSchema), () => ({})),
    }),
    () => ({ internal: {}, ui: {} }),
  ),
})

/** A Repertoire discovery document, defaults restored. */
export type Discovery = z.output<typeof DiscoverySchema>
