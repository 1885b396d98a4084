// Makes one database role per service, owning only its schemas (see service-roles.ts):
//   ADMIN_DATABASE_URL=postgres://owner:…@host/db ORDERS_DB_PASSWORD=… … \
//     node services/common/dist/db/service-roles-cli.js
// Every <SERVICE>_DB_PASSWORD may come from a file instead (<SERVICE>_DB_PASSWORD_FILE).
// Run it before the services start, and again to change passwords; it changes nothing else.
import { z } from 'zod';
import { loadConfigOrExit, parseEnv, postgresUrl } from '../config/config';
import { applyServiceRoles, SERVICE_NAMES, serviceRoleName, type ServiceName } from './service-roles';

const password = z.string().min(16, 'must be at least 16 characters');
const schema = z.object({
  ADMIN_DATABASE_URL: postgresUrl,
  DB_ROLE_PREFIX: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,40}$/, 'lower-case letters, digits and _')
    .default('payoffice_'),
  ...Object.fromEntries(SERVICE_NAMES.map((service) => [`${service.toUpperCase()}_DB_PASSWORD`, password])),
});

async function main(): Promise<void> {
  const env = loadConfigOrExit(() => parseEnv(schema, process.env)) as Record<string, string>;
  const passwords = Object.fromEntries(
    SERVICE_NAMES.map((service) => [service, env[`${service.toUpperCase()}_DB_PASSWORD`]!]),
  ) as Record<ServiceName, string>;
  await applyServiceRoles(env.ADMIN_DATABASE_URL!, passwords, env.DB_ROLE_PREFIX);
  for (const service of SERVICE_NAMES)
    process.stdout.write(`${serviceRoleName(service, env.DB_ROLE_PREFIX)}: ready\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`service roles failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
