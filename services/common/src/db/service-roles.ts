import { Client } from 'pg';

/**
 * One database role per service, owning only its schemas: a bug or a stolen password in
 * one service cannot read or write another's tables. What each service owns, and the
 * versioned views other services may read (the only reads across services, ARCHITECTURE
 * "ownership"), are listed here once; `applyServiceRoles` makes the database so, and
 * running it again changes nothing (passwords are reset to the given ones).
 */
export const SERVICE_SCHEMAS = {
  gateway: ['gateway'],
  orders: ['orders', 'orders_jobs'],
  ledger: ['ledger', 'ledger_jobs'],
  reconciliation: ['reconciliation', 'reconciliation_jobs'],
  settlement: ['settlement', 'settlement_jobs'],
} as const;

export type ServiceName = keyof typeof SERVICE_SCHEMAS;
export const SERVICE_NAMES = Object.keys(SERVICE_SCHEMAS) as ServiceName[];

/**
 * The group role the published views are granted to (by the owning service's migration,
 * and here when they exist already): membership is how a service gets to read them.
 */
export const VIEW_READERS_ROLE = 'payoffice_view_readers';

/** Versioned views one service publishes for others, and who reads them. */
export const PUBLISHED_VIEWS: { schema: string; view: string; readers: ServiceName[] }[] = [
  { schema: 'orders', view: 'merchant_directory_v1', readers: ['settlement'] },
  { schema: 'reconciliation', view: 'settlement_payment_v1', readers: ['settlement'] },
];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The role name of a service: `<prefix><service>` (prefix `payoffice_` by default). */
export const serviceRoleName = (service: ServiceName, prefix = 'payoffice_') => `${prefix}${service}`;

/** `url` with the service role's name and password in place of the admin's. */
export function serviceRoleUrl(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * The statements that make the roles, as the database's owner or a superuser: each
 * service's LOGIN role with its password, its schemas created and owned by it, CONNECT
 * and CREATE on the database (migrations say `create schema if not exists`, which
 * PostgreSQL checks against CREATE even when the schema exists), nothing on the other
 * services' schemas, and the readers of published views in the readers' group.
 */
export function serviceRolesSql(
  database: string,
  passwords: Record<ServiceName, string>,
  prefix = 'payoffice_',
): string[] {
  const statements: string[] = [
    `do $$ begin
       if not exists (select 1 from pg_roles where rolname = ${literal(VIEW_READERS_ROLE)}) then
         create role ${ident(VIEW_READERS_ROLE)} nologin;
       end if;
     end $$`,
    `revoke create on schema public from public`,
  ];
  for (const service of SERVICE_NAMES) {
    const role = serviceRoleName(service, prefix);
    statements.push(
      `do $$ begin
         if not exists (select 1 from pg_roles where rolname = ${literal(role)}) then
           create role ${ident(role)} login;
         end if;
       end $$`,
      `alter role ${ident(role)} with login password ${literal(passwords[service])}`,
      `grant connect, create on database ${ident(database)} to ${ident(role)}`,
      // Every session of the role starts in its own schema: behind a transaction-pooling
      // PgBouncer a per-connection SET or startup option does not follow the client.
      `alter role ${ident(role)} set search_path to ${ident(SERVICE_SCHEMAS[service][0])}, public`,
    );
    for (const schema of SERVICE_SCHEMAS[service]) {
      statements.push(
        `create schema if not exists ${ident(schema)} authorization ${ident(role)}`,
        `alter schema ${ident(schema)} owner to ${ident(role)}`,
      );
    }
  }
  for (const { schema, view, readers } of PUBLISHED_VIEWS) {
    statements.push(`grant usage on schema ${ident(schema)} to ${ident(VIEW_READERS_ROLE)}`);
    // Views that exist already (a database the services ran on before it had roles).
    statements.push(
      `do $$ begin
         if to_regclass(${literal(`${ident(schema)}.${ident(view)}`)}) is not null then
           grant select on ${ident(schema)}.${ident(view)} to ${ident(VIEW_READERS_ROLE)};
         end if;
       end $$`,
    );
    for (const reader of readers)
      statements.push(`grant ${ident(VIEW_READERS_ROLE)} to ${ident(serviceRoleName(reader, prefix))}`);
  }
  return statements;
}

/**
 * Applies `serviceRolesSql` over `adminUrl` (the database's owner or a superuser) in one
 * transaction and answers each service's URL, with its own role.
 */
export async function applyServiceRoles(
  adminUrl: string,
  passwords: Record<ServiceName, string>,
  prefix = 'payoffice_',
): Promise<Record<ServiceName, string>> {
  const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    // Roles are cluster-wide: two databases set up at once must not race on them.
    await client.query(`select pg_advisory_xact_lock(hashtext('payoffice service roles'))`);
    for (const statement of serviceRolesSql(database, passwords, prefix)) await client.query(statement);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return Object.fromEntries(
    SERVICE_NAMES.map((service) => [
      service,
      serviceRoleUrl(adminUrl, serviceRoleName(service, prefix), passwords[service]),
    ]),
  ) as Record<ServiceName, string>;
}
