import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { dataOf, SERVICE_NAMES, serviceRoleName, type ServiceName } from '@pay/common';
import { ACTORS, startPlatform, type Platform } from '../support/platform';

// Production connects each service with its own database role owning only its schemas
// (services/common/src/db/service-roles.ts). The whole platform runs that way here: every
// service migrates and works, the only reads across services are the published views,
// and a role cannot touch another service's tables.

let platform: Platform;

const roleOf = async (orm: MikroORM): Promise<string> =>
  ((await orm.em.fork().getConnection().execute('select current_user as role')) as { role: string }[])[0]!
    .role;

/** The SQLSTATE `sql` fails with on `orm`'s connection (null: it ran). */
async function refusal(orm: MikroORM, sql: string): Promise<string | null> {
  try {
    await orm.em.fork().getConnection().execute(sql);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  }
}

beforeAll(async () => {
  platform = await startPlatform({ serviceRoles: true });
}, 120_000);
afterAll(async () => {
  await platform.close();
});

describe('per-service database roles', () => {
  it('connects each service with its own role', async () => {
    const prefix = (await roleOf(platform.orm)).replace(/orders$/, '');
    const expected: [ServiceName, MikroORM][] = [
      ['orders', platform.orm],
      ['ledger', platform.ledgerOrm],
      ['reconciliation', platform.reconciliationOrm],
      ['settlement', platform.settlementOrm],
    ];
    for (const [service, orm] of expected) expect(await roleOf(orm)).toBe(serviceRoleName(service, prefix));
  });

  it('starts every session of a role in its own schema, without a SET (PgBouncer transaction pooling)', async () => {
    for (const service of SERVICE_NAMES) {
      const client = new Client({ connectionString: platform.databaseUrls[service] });
      await client.connect();
      try {
        const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
        expect([service, rows[0]!.schema]).toEqual([service, service]);
      } finally {
        await client.end();
      }
    }
  });

  it('runs the whole graph: each subgraph on its schemas, settlement over the published views', async () => {
    const data = dataOf(
      await platform.gql<{
        orders: { totalCount: number };
        merchantBalance: { available: string };
        reconciliationRuns: { totalCount: number };
      }>(
        `{ orders(pageSize: 5) { totalCount } merchantBalance(merchantId: 2024164) { available }
           reconciliationRuns { totalCount } }`,
      ),
    );
    expect(data.orders.totalCount).toBeGreaterThanOrEqual(0);
    expect(typeof data.merchantBalance.available).toBe('string');
    expect(data.reconciliationRuns.totalCount).toBe(0);
    // Settlement reads the merchant from orders.merchant_directory_v1 for a new account…
    const account = dataOf(
      await platform.gql<{ createSettlementAccount: { merchantName: string } }>(
        `mutation ($input: CreateSettlementAccountInput!) { createSettlementAccount(input: $input) { merchantName } }`,
        {
          input: {
            merchantId: 2024164,
            method: 'ALIPAY',
            accountName: 'jl888 结算',
            accountNo: 'settle-2024164@example.com',
            period: 'DAILY',
          },
        },
      ),
    ).createSettlementAccount;
    expect(account.merchantName).toBeTruthy();
    // …and its payments from reconciliation.settlement_payment_v1 for a run (none reconciled yet).
    const run = dataOf(
      await platform.gql<{ runSettlements: { settlementsCreated: number; ordersSettled: number } }>(
        `mutation { runSettlements(input: { merchantId: 2024164 }) { settlementsCreated ordersSettled } }`,
        {},
        ACTORS.operator,
      ),
    ).runSettlements;
    expect(run).toEqual({ settlementsCreated: 0, ordersSettled: 0 });
  });

  it("refuses a role another service's tables, and lets readers read only the published views", async () => {
    expect(await refusal(platform.orm, 'select 1 from ledger.account limit 1')).toBe('42501');
    expect(await refusal(platform.ledgerOrm, 'select 1 from orders."order" limit 1')).toBe('42501');
    expect(await refusal(platform.ledgerOrm, 'create table orders.intruder (id int)')).toBe('42501');
    expect(await refusal(platform.reconciliationOrm, 'select 1 from settlement.settlement limit 1')).toBe(
      '42501',
    );
    expect(await refusal(platform.settlementOrm, 'select 1 from orders.merchant_directory_v1 limit 1')).toBe(
      null,
    );
    expect(
      await refusal(platform.settlementOrm, 'select 1 from reconciliation.settlement_payment_v1 limit 1'),
    ).toBe(null);
    expect(await refusal(platform.settlementOrm, 'select 1 from orders."order" limit 1')).toBe('42501');
    expect(await refusal(platform.settlementOrm, 'select 1 from reconciliation.payment limit 1')).toBe(
      '42501',
    );
    // Nothing lands in public either.
    expect(await refusal(platform.orm, 'create table public.intruder (id int)')).toBe('42501');
  });
});
