import type { EntityManager } from '@mikro-orm/postgresql';

/** The demo merchants (seeded by the orders service) and their settlement and billing set-up. */
export const SETTLEMENT_DEMO = {
  merchantId: 2024164,
  otherMerchantId: 2023100,
  /** Billing rate of the demo merchants: 0.6 % of monthly sales. */
  billingRatePpm: 6000,
} as const;

/**
 * Demo settlement accounts (a daily one for 2024164, a monthly one for 2023100) and
 * billing terms, once: an existing account means the demo was seeded before. Plain SQL
 * so the seed does not depend on how the modules model these tables.
 */
export async function seedSettlementDemo(em: EntityManager): Promise<boolean> {
  const connection = em.getConnection();
  const [{ count }] = await connection.execute<{ count: string }[]>(
    'select count(*) as count from settlement_account',
  );
  if (Number(count) > 0) return false;
  await connection.execute(
    `insert into settlement_account (merchant_id, method, account_name, account_no, period, remarks, created_by) values
      (?, 3, 'jl888 结算支付宝', 'jl888-settle@example.com', 1, '演示：日结', 'demo-seed'),
      (?, 1, '演示商户二', '6222020200112233445', 3, '演示：月结，银行转账', 'demo-seed')`,
    [SETTLEMENT_DEMO.merchantId, SETTLEMENT_DEMO.otherMerchantId],
  );
  await connection.execute(
    `insert into merchant_billing (merchant_id, rate_ppm, sales_name, updated_by) values
      (?, ?, '张楠', 'demo-seed'), (?, ?, null, 'demo-seed')
     on conflict (merchant_id) do nothing`,
    [
      SETTLEMENT_DEMO.merchantId,
      SETTLEMENT_DEMO.billingRatePpm,
      SETTLEMENT_DEMO.otherMerchantId,
      SETTLEMENT_DEMO.billingRatePpm,
    ],
  );
  return true;
}
