import type { EntityManager } from '@mikro-orm/postgresql';
import { parsePercent, parseYuan, type Actor } from '@pay/common';
import { MainAccount } from '../../modules/clearing/main-account/main-account.entity';
import { IncomingPaymentStatus } from '../../modules/clearing/incoming-payment/incoming-payment.entity';
import { createMainAccount } from '../../modules/clearing/main-account/main-account.service';
import { addChildAccount } from '../../modules/clearing/child-account/child-account.service';
import {
  recordIncomingPayment,
  settleIncomingPayment,
} from '../../modules/clearing/incoming-payment/incoming-payment.service';
import { clearToChild } from '../../modules/clearing/clearing-record/clearing-record.service';
import { withdrawFromChild } from '../../modules/clearing/child-withdrawal/child-withdrawal.service';

/** The demo main account's credentials — a clearly labelled demo key, for the embedded demo only. */
export const CLEARING_DEMO = {
  mainAccountUid: 123456,
  unionId: 'demo-union-id',
  key: 'demo-account-key-123456',
  merchantId: 2024164,
  childPhones: ['13804542921', '13245678332'],
} as const;

const SEED_ACTOR: Actor = { sub: 'system:demo-seed', role: 'SYSTEM' };

export interface ClearingDemo {
  /** False when the demo account existed already and nothing was written. */
  created: boolean;
  mainAccountId: number;
  unionId: string;
  key: string;
  childPhone: string;
}

/**
 * Seeds the account-clearing demo: main account 123456 (`demo-union-id`, owned by
 * merchant 2024164, rates in 0.6 %, share 0.1 %, withdraw 0.2 %), two children,
 * incoming payments in every status, a clearing to each child and a child withdrawal.
 * Does nothing when uid 123456 exists.
 */
export async function seedClearingDemo(em: EntityManager): Promise<ClearingDemo> {
  const result = (mainAccountId: number, created: boolean): ClearingDemo => ({
    created,
    mainAccountId,
    unionId: CLEARING_DEMO.unionId,
    key: CLEARING_DEMO.key,
    childPhone: CLEARING_DEMO.childPhones[0],
  });
  const existing = await em.findOne(MainAccount, { mainAccountUid: CLEARING_DEMO.mainAccountUid });
  if (existing) return result(existing.id, false);

  const { mainAccount: main } = await createMainAccount(em, {
    mainAccountUid: CLEARING_DEMO.mainAccountUid,
    unionId: CLEARING_DEMO.unionId,
    apiKey: CLEARING_DEMO.key,
    merchantId: CLEARING_DEMO.merchantId,
    inFeeRatePpm: parsePercent('0.6'),
    shareFeeRatePpm: parsePercent('0.1'),
    withdrawFeeRatePpm: parsePercent('0.2'),
  });
  for (const phone of CLEARING_DEMO.childPhones) await addChildAccount(em, main, { phone, name: '' });

  const payments: [string, string, string, IncomingPaymentStatus][] = [
    ['201805090001', '1000.00', '支付宝', IncomingPaymentStatus.PAID],
    ['201805090002', '23.00', '支付宝', IncomingPaymentStatus.FAILED],
    ['201805090003', '100.00', '微信', IncomingPaymentStatus.PAID],
    ['201805090004', '50.00', '微信', IncomingPaymentStatus.WAITING],
    ['201805090005', '88.88', '支付宝', IncomingPaymentStatus.WAITING],
  ];
  for (const [clientSn, amount, payWay, status] of payments) {
    await recordIncomingPayment(
      em,
      main,
      { clientSn, amount: parseYuan(amount), payWay, msg: payWay, status },
      SEED_ACTOR,
    );
  }
  // One waiting payment is then paid, as a channel's late result would do.
  await settleIncomingPayment(em, main, '201805090005', IncomingPaymentStatus.PAID, SEED_ACTOR);

  await clearToChild(
    em,
    main,
    { childPhone: CLEARING_DEMO.childPhones[0], amount: parseYuan('200.00'), clientSn: 'demo-clear-0001' },
    SEED_ACTOR,
  );
  await clearToChild(
    em,
    main,
    { childPhone: CLEARING_DEMO.childPhones[1], amount: parseYuan('30.00'), clientSn: 'demo-clear-0002' },
    SEED_ACTOR,
  );
  await withdrawFromChild(
    em,
    main,
    { childPhone: CLEARING_DEMO.childPhones[0], amount: parseYuan('100.00'), clientSn: 'demo-withdraw-0001' },
    SEED_ACTOR,
  );
  return result(main.id, true);
}
