import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { fenColumn } from '@pay/common';

export type CollectionTrigger = 'BILL' | 'RECHARGE' | 'MANUAL';

export enum CollectionState {
  PENDING = 1,
  DONE = 2,
}

/**
 * One request to the ledger to move up to `maxAmount` from a merchant's prepaid wallet
 * to platform revenue, under the collection id as idempotency key. At most one is
 * pending per merchant (a partial unique index), so collections are serialised and a
 * pending one left by a crash is re-driven with the same key.
 */
@Entity({ tableName: 'wallet_collection' })
export class WalletCollection {
  [OptionalProps]?: 'billId' | 'rechargeId' | 'collected' | 'state' | 'postingId' | 'createdAt' | 'doneAt';

  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property()
  merchantId!: number;

  @Property({ length: 20 })
  trigger!: CollectionTrigger;

  @Property({ type: new BigIntType('number'), nullable: true })
  billId: number | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  rechargeId: number | null = null;

  @Property(fenColumn())
  maxAmount!: number;

  /** What the ledger moved; null while pending. */
  @Property({ ...fenColumn(), nullable: true })
  collected: number | null = null;

  @Enum({ items: () => CollectionState, type: 'smallint' })
  state: CollectionState = CollectionState.PENDING;

  @Property({ type: new BigIntType('string'), nullable: true })
  postingId: string | null = null;

  @Property()
  createdAt: Date = new Date();

  @Property({ nullable: true })
  doneAt: Date | null = null;
}

/** The part of a collection that paid one bill. */
@Entity({ tableName: 'bill_payment' })
export class BillPayment {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: new BigIntType('number') })
  billId!: number;

  @Property({ type: new BigIntType('number') })
  collectionId!: number;

  @Property(fenColumn())
  amount!: number;

  @Property()
  createdAt: Date = new Date();
}
