import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// Docker has no daemon on the development machines: the production shape is kept right
// by reading it here. Compose v2's file format (no `version:` key, a project `name:`),
// one Dockerfile for every service, and what each service needs to run.

const root = join(__dirname, '..', '..');
const APP_SERVICES = ['gateway', 'orders', 'ledger', 'reconciliation', 'settlement'] as const;
const PORTS: Record<(typeof APP_SERVICES)[number], number> = {
  gateway: 4000,
  orders: 4001,
  ledger: 4002,
  reconciliation: 4003,
  settlement: 4004,
};

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  secrets?: string[];
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
}
interface ComposeFile {
  name?: string;
  version?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { environment?: string; file?: string }>;
  configs?: Record<string, { content?: string }>;
}

const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as ComposeFile;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

describe('docker-compose.yml (Compose v2)', () => {
  it('names the project and has no v1 `version:` key', () => {
    expect(compose.name).toBe('payoffice');
    expect(compose.version).toBeUndefined();
    expect(Object.keys(compose.services).sort()).toEqual(
      [...APP_SERVICES, 'db-roles', 'pgbouncer', 'postgres'].sort(),
    );
  });

  it.each(APP_SERVICES)('builds %s from the one Dockerfile with its SERVICE argument', (name) => {
    const service = compose.services[name]!;
    expect(service.build).toEqual({ context: '.', args: { SERVICE: name } });
    expect(existsSync(join(root, service.build!.dockerfile ?? 'Dockerfile'))).toBe(true);
    expect(service.image).toBe(`payoffice/${name}`);
  });

  it.each(APP_SERVICES)('runs %s in production on its port, healthchecked, after what it needs', (name) => {
    const service = compose.services[name]!;
    const env = service.environment!;
    expect(env.NODE_ENV).toBe('production');
    expect(env[`${name.toUpperCase()}_PORT`]).toBe(PORTS[name]);
    expect(env[`${name.toUpperCase()}_HOST`]).toBe('0.0.0.0');
    expect(JSON.stringify(service.healthcheck?.test)).toContain(`127.0.0.1:${PORTS[name]}/health`);
    for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
      if (dependency === 'db-roles') continue;
      expect(compose.services[dependency]?.healthcheck).toBeDefined();
      expect(condition).toBe('service_healthy');
    }
    if (name !== 'gateway') expect(service.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    // Its own database role, made first by the one-shot db-roles service.
    expect(service.depends_on?.['db-roles']).toEqual({ condition: 'service_completed_successfully' });
    // Through PgBouncer; the migration lock (session-level) straight to PostgreSQL.
    const credentials = `payoffice_${name}:\${${name.toUpperCase()}_DB_PASSWORD:?set it}`;
    expect(env.DATABASE_URL).toBe(`postgres://${credentials}@pgbouncer:6432/payoffice`);
    expect(service.depends_on?.pgbouncer).toEqual({ condition: 'service_healthy' });
    if (name !== 'gateway')
      expect(env.DATABASE_DIRECT_URL).toBe(`postgres://${credentials}@postgres:5432/payoffice`);
    expect(env.DATABASE_POOL_MAX).toBe('${DATABASE_POOL_MAX:-10}');
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('${OTEL_EXPORTER_OTLP_ENDPOINT:-}');
  });

  it('pools connections with PgBouncer in transaction mode, set up for what the services do', () => {
    const pgbouncer = compose.services.pgbouncer!;
    expect(pgbouncer.image).toMatch(/^edoburu\/pgbouncer:1\.(2[1-9]|[3-9]\d)\./);
    expect(pgbouncer.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(JSON.stringify(pgbouncer.healthcheck?.test)).toContain('6432');
    const ini = Object.fromEntries(
      (compose.configs?.pgbouncer_ini?.content ?? '')
        .split('\n')
        .map((line) => line.split(' = '))
        .filter((pair) => pair.length === 2),
    ) as Record<string, string>;
    expect(ini.payoffice).toBe('host=postgres port=5432 dbname=payoffice');
    expect(ini.listen_port).toBe('6432');
    expect(ini.pool_mode).toBe('transaction');
    // node-postgres names its prepared statements (plain-rows, the ledger's group commit).
    expect(Number(ini.max_prepared_statements)).toBeGreaterThan(0);
    // The ledger's batcher sends `options` (search_path); the role's own default applies.
    expect(ini.ignore_startup_parameters?.split(',')).toContain('options');
    expect(ini.auth_file).toBe('/etc/pgbouncer/userlist.txt');
    const users = compose.configs?.pgbouncer_userlist?.content ?? '';
    for (const name of APP_SERVICES)
      expect(users).toContain(`"payoffice_${name}" "\${${name.toUpperCase()}_DB_PASSWORD:?set it}"`);
  });

  it('makes the service roles once, as the owner, with every service password', () => {
    const roles = compose.services['db-roles'] as ComposeService & { command: string[]; restart: string };
    expect(roles.command).toEqual(['node', 'services/common/dist/db/service-roles-cli.js']);
    expect(existsSync(join(root, 'services/common/src/db/service-roles-cli.ts'))).toBe(true);
    expect(roles.restart).toBe('no');
    expect(roles.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    const env = roles.environment!;
    expect(env.ADMIN_DATABASE_URL).toMatch(/^postgres:\/\/payoffice:.+@postgres:5432\/payoffice$/);
    for (const name of APP_SERVICES)
      expect(env[`${name.toUpperCase()}_DB_PASSWORD`]).toBe(`\${${name.toUpperCase()}_DB_PASSWORD:?set it}`);
  });

  it('passes secrets as files, each declared and each read through a NAME_FILE variable', () => {
    const declared = Object.keys(compose.secrets ?? {});
    expect(declared.sort()).toEqual(
      ['alipay_app_private_key', 'internal_signing_secret', 'jwt_secret', 'merchant_api_master_key'].sort(),
    );
    for (const name of APP_SERVICES) {
      const service = compose.services[name]!;
      const env = service.environment!;
      const read = Object.entries(env)
        .filter(([key]) => key.endsWith('_FILE'))
        .map(([key, path]) => {
          expect(path).toBe(`/run/secrets/${key.slice(0, -'_FILE'.length).toLowerCase()}`);
          return path.slice('/run/secrets/'.length);
        });
      expect((service.secrets ?? []).sort()).toEqual(read.sort());
      for (const secret of read) expect(declared).toContain(secret);
      // No secret in plain sight: the secrets themselves are not in the environment.
      for (const secret of read) expect(env[secret.toUpperCase()]).toBeUndefined();
    }
    expect(compose.services.gateway!.secrets).toContain('jwt_secret');
    expect(compose.services.orders!.secrets).toContain('merchant_api_master_key');
  });

  it('keeps statements and vouchers on named volumes where the services write them', () => {
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['pgdata', 'statements', 'vouchers']);
    const reconciliation = compose.services.reconciliation!;
    expect(reconciliation.volumes).toEqual([`statements:${reconciliation.environment!.STATEMENT_DIR}`]);
    const settlement = compose.services.settlement!;
    expect(settlement.volumes).toEqual([`vouchers:${settlement.environment!.VOUCHER_DIR}`]);
    expect(compose.services.postgres!.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
  });
});

describe('Dockerfile', () => {
  it('builds on the current Node LTS', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
  });

  it('prunes with the turbo the repository pins, for the service named by SERVICE', () => {
    const turbo = /npx --yes turbo@([\d.]+) prune "@pay\/\$\{SERVICE\}" --docker/.exec(dockerfile);
    expect(turbo?.[1]).toBe(rootPackage.devDependencies.turbo);
    expect(dockerfile).toMatch(/--filter="@pay\/\$\{SERVICE\}\.\.\."/);
  });

  it("starts each service's compiled entry as the unprivileged user", () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('exec node gateway/dist/index.js');
    expect(dockerfile).toContain('exec node \\"services/$SERVICE/dist/index.js\\"');
    for (const name of APP_SERVICES) {
      const entry = name === 'gateway' ? 'gateway/src/index.ts' : `services/${name}/src/index.ts`;
      expect(existsSync(join(root, entry))).toBe(true);
    }
  });
});
