import type { EntityManager } from '@mikro-orm/postgresql';
import type { SettlementConfig } from '../../config';

/** A merchant as the orders service publishes it in its view `merchant_directory_v1`. */
export interface MerchantDirectoryEntry {
  merchantId: number;
  merchantName: string;
  status: 'active' | 'disabled';
  /** The merchant's agent: the sales person on bills. */
  salesName: string | null;
  /** The merchant's own IP allow-list (empty: no restriction of its own). */
  ipAllowList: string[];
}

interface DirectoryRow {
  merchant_id: number;
  merchant_name: string;
  status: 'active' | 'disabled';
  sales_name: string | null;
  ip_allow_list: string[] | null;
}

/** The qualified name of the orders service's published merchant view. */
export const merchantDirectoryView = (config: Pick<SettlementConfig, 'views'>): string =>
  `"${config.views.merchantsSchema}"."merchant_directory_v1"`;

/**
 * Reads merchants from the orders service's published view (one statement for any number
 * of ids). Missing ids are simply absent from the map.
 */
export async function findMerchants(
  em: EntityManager,
  config: Pick<SettlementConfig, 'views'>,
  merchantIds: readonly number[],
): Promise<Map<number, MerchantDirectoryEntry>> {
  if (merchantIds.length === 0) return new Map();
  const rows: DirectoryRow[] = await em
    .getConnection()
    .execute(
      `select merchant_id, merchant_name, status, sales_name, ip_allow_list from ${merchantDirectoryView(config)} where merchant_id = any(?::int[])`,
      [`{${[...new Set(merchantIds)].join(',')}}`],
    );
  return new Map(
    rows.map((r) => [
      r.merchant_id,
      {
        merchantId: r.merchant_id,
        merchantName: r.merchant_name,
        status: r.status,
        salesName: r.sales_name,
        ipAllowList: r.ip_allow_list ?? [],
      },
    ]),
  );
}
