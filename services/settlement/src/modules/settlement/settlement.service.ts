import { LockMode } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { addDays, AppError, isDateOnly, parseChinaDateTime, SHA256_HEX, type PageWindow } from '@pay/common';
import type { LedgerClient } from '../ledger/ledger.client';
import { VoucherFile } from '../voucher/voucher-file.entity';
import { likeContains } from './settlement-account.service';
import { SettlementMethod, SettlementState } from './settlement-codes';
import { Settlement } from './settlement.entity';

export interface SettlementListFilter {
  code?: string;
  /** Already scoped: a MERCHANT actor's own id. */
  merchantId?: number;
  method?: SettlementMethod;
  state?: SettlementState;
  settlementTimeFrom?: Date;
  settlementTimeTo?: Date;
  /** A China-time day, `YYYY-MM-DD`. */
  settlementDate?: string;
  remark?: string;
  includeDeleted?: boolean;
}

function whereOf(filter: SettlementListFilter): FilterQuery<Settlement> {
  const where: FilterQuery<Settlement>[] = [];
  if (!filter.includeDeleted) where.push({ isDelete: false });
  if (filter.code !== undefined) where.push({ code: filter.code.trim() });
  if (filter.merchantId !== undefined) where.push({ merchantId: filter.merchantId });
  if (filter.method !== undefined) where.push({ method: filter.method });
  if (filter.state !== undefined) where.push({ state: filter.state });
  if (filter.settlementTimeFrom) where.push({ settlementTime: { $gte: filter.settlementTimeFrom } });
  if (filter.settlementTimeTo) where.push({ settlementTime: { $lte: filter.settlementTimeTo } });
  if (filter.settlementDate !== undefined) {
    const day = isDateOnly(filter.settlementDate) ? parseChinaDateTime(filter.settlementDate) : null;
    if (!day) {
      throw new AppError('BAD_USER_INPUT', 'settlementDate must be a date, YYYY-MM-DD', {
        argument: 'settlementDate',
      });
    }
    where.push({ settlementTime: { $gte: day, $lt: addDays(day, 1) } });
  }
  if (filter.remark) where.push({ remark: { $ilike: likeContains(filter.remark) } });
  return where.length > 0 ? { $and: where } : {};
}

/** One page of settlements, newest first, and the number matching. */
export async function listSettlements(
  em: EntityManager,
  filter: SettlementListFilter,
  window: PageWindow,
): Promise<{ items: Settlement[]; total: number }> {
  const [items, total] = await em.findAndCount(Settlement, whereOf(filter), {
    orderBy: { id: 'desc' },
    limit: window.limit,
    offset: window.offset,
  });
  return { items, total };
}

export interface SettleRequest {
  code: string;
  /** The voucher's upload id (SHA-256). */
  voucher: string;
  /** Who paid it out (legacy `person`). */
  person: string;
  remark: string | null;
  /** The operator's subject: recorded as `settled_by` and on the ledger posting. */
  actor: string;
}

function validate(request: SettleRequest): { person: string; remark: string | null } {
  const person = request.person.trim();
  if (person === '' || person.length > 100) {
    throw new AppError('BAD_USER_INPUT', 'person must be 1 to 100 characters', { argument: 'person' });
  }
  const remark = request.remark?.trim() || null;
  if (remark && remark.length > 500) {
    throw new AppError('BAD_USER_INPUT', 'the remark is longer than 500 characters', { argument: 'remark' });
  }
  if (!SHA256_HEX.test(request.voucher)) {
    throw new AppError('BAD_USER_INPUT', 'voucher is not an upload id', { argument: 'voucher' });
  }
  return { person, remark };
}

/**
 * Pays a settlement out: with the settlement row locked, checks it is pending and the
 * voucher was uploaded, posts the payout to the ledger, then marks it settled with the
 * voucher, person, remark and the ledger posting.
 *
 * Why the payout is posted synchronously before the state change, not through an outbox:
 * the ledger may refuse it (INSUFFICIENT_BALANCE — the merchant's available balance does
 * not cover the total), and a settlement must never read "settled" while no money moved.
 * An outbox would commit the state first and learn of the refusal only later. Calling the
 * ledger inside the transaction that holds the row lock means a refusal or an outage rolls
 * everything back (the record stays pending and unchanged) and concurrent attempts wait
 * for each other (the second sees ALREADY_SETTLED). The one gap — the ledger posted, then
 * this commit failed — converges on retry: the posting's idempotency key is the
 * settlement code, so the ledger answers the same posting instead of moving money again.
 */
export async function settleSettlement(
  em: EntityManager,
  ledger: LedgerClient,
  request: SettleRequest,
): Promise<Settlement> {
  const { person, remark } = validate(request);
  return em.transactional(async (tx) => {
    const settlement = await tx.findOne(
      Settlement,
      { code: request.code.trim() },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!settlement || settlement.isDelete) {
      throw new AppError('NOT_FOUND', 'no settlement with this code', { argument: 'code' });
    }
    if (settlement.state === SettlementState.SETTLED) {
      throw new AppError('ALREADY_SETTLED', `settlement ${settlement.code} is already settled`, {
        code: settlement.code,
        settlementTime: settlement.settlementTime?.toISOString() ?? null,
      });
    }
    const file = await tx.findOne(VoucherFile, { sha256: request.voucher });
    if (!file) {
      throw new AppError('BAD_USER_INPUT', 'no uploaded voucher with this id; upload the file first', {
        argument: 'voucher',
      });
    }
    // A settlement of orders that earned the merchant nothing moves no money.
    const payout =
      settlement.total > 0
        ? await ledger.postSettlementPayout({
            settlementCode: settlement.code,
            merchantId: settlement.merchantId,
            amount: settlement.total,
            actor: request.actor,
          })
        : null;
    settlement.state = SettlementState.SETTLED;
    settlement.settlementTime = new Date();
    settlement.person = person;
    settlement.remark = remark;
    settlement.settledBy = request.actor.slice(0, 200);
    settlement.voucherSha256 = file.sha256;
    settlement.voucherContentType = file.contentType;
    settlement.voucherSize = file.size;
    settlement.voucherFileName = file.fileName;
    settlement.payoutPostingId = payout?.postingId ?? null;
    return settlement;
  });
}
