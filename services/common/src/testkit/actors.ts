import type { Actor } from '../auth/actor';

/** The actors tests act as: the demo merchants, and one of each platform role. */
export const TEST_ACTORS = {
  merchant: { sub: 'merchant:2024164', role: 'MERCHANT', merchantId: 2024164 },
  otherMerchant: { sub: 'merchant:2023100', role: 'MERCHANT', merchantId: 2023100 },
  operator: { sub: 'ops-alice', role: 'OPERATOR' },
  analyst: { sub: 'analyst-bob', role: 'ANALYST' },
  system: { sub: 'system', role: 'SYSTEM' },
} satisfies Record<string, Actor>;
