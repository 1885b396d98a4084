import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { AppError, type PageWindow } from '@pay/common';
import type { SettlementConfig } from '../../config';
import { findMerchants, merchantDirectoryView } from '../merchant/merchant-directory';
import { SettlementAccount } from './settlement-account.entity';
import { SettlementMethod, SettlementPeriod } from './settlement-codes';

/** The index that keeps a merchant to one live account with a period. */
const ONE_PERIODIC = 'settlement_account_one_periodic';

export interface SettlementAccountFilter {
  /** Already scoped: a MERCHANT actor's own id. */
  merchantId?: number;
  /** Part of the merchant's name. */
  merchantName?: string;
  /** Part of the account number or the account name. */
  account?: string;
  includeDeleted?: boolean;
}

export interface SettlementAccountFields {
  method: SettlementMethod;
  accountName: string;
  accountNo: string;
  period: SettlementPeriod;
  remarks: string | null;
}

export interface CreateSettlementAccount extends SettlementAccountFields {
  merchantId: number;
  /** The operator. */
  createdBy: string;
}

/** `undefined`: unchanged; `remarks: null` clears them. */
export type SettlementAccountChanges = Partial<SettlementAccountFields> & { id: number };

/** `%`, `_` and `\` match themselves in a `contains` filter. */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function text(value: string, argument: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new AppError('BAD_USER_INPUT', `${argument} must not be empty`, { argument });
  if (trimmed.length > max) {
    throw new AppError('BAD_USER_INPUT', `${argument} is longer than ${max} characters`, { argument, max });
  }
  return trimmed;
}

function remarksOf(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > 500) {
    throw new AppError('BAD_USER_INPUT', 'remarks are longer than 500 characters', { argument: 'remarks' });
  }
  return trimmed === '' ? null : trimmed;
}

function checkEnums(fields: Partial<SettlementAccountFields>): void {
  if (fields.method !== undefined && !Object.values(SettlementMethod).includes(fields.method)) {
    throw new AppError('BAD_USER_INPUT', 'unknown settlement method', { argument: 'method' });
  }
  if (fields.period !== undefined && !Object.values(SettlementPeriod).includes(fields.period)) {
    throw new AppError('BAD_USER_INPUT', 'unknown settlement period', { argument: 'period' });
  }
}

/** Flushes, turning the one-periodic-account index into a clear CONFLICT. */
async function flushAccount(em: EntityManager, merchantId: number): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (
      error instanceof UniqueConstraintViolationException &&
      (error as { constraint?: string }).constraint === ONE_PERIODIC
    ) {
      throw new AppError(
        'CONFLICT',
        'the merchant already has a live settlement account with a period; delete it or set its period to UNKNOWN first',
        { merchantId, constraint: ONE_PERIODIC },
      );
    }
    throw error;
  }
}

/** Creates an account for a merchant the orders service knows (else NOT_FOUND). */
export async function createSettlementAccount(
  em: EntityManager,
  config: Pick<SettlementConfig, 'views'>,
  input: CreateSettlementAccount,
): Promise<SettlementAccount> {
  checkEnums(input);
  const fields = {
    method: input.method,
    accountName: text(input.accountName, 'accountName', 100),
    accountNo: text(input.accountNo, 'accountNo', 64),
    period: input.period,
    remarks: remarksOf(input.remarks),
  };
  if (!(Number.isSafeInteger(input.merchantId) && input.merchantId > 0)) {
    throw new AppError('BAD_USER_INPUT', 'merchantId must be a positive integer', { argument: 'merchantId' });
  }
  const merchants = await findMerchants(em, config, [input.merchantId]);
  if (!merchants.has(input.merchantId)) {
    throw new AppError('NOT_FOUND', 'no merchant with this id', {
      argument: 'merchantId',
      merchantId: input.merchantId,
    });
  }
  const account = em.create(SettlementAccount, {
    ...fields,
    merchantId: input.merchantId,
    createdBy: input.createdBy.slice(0, 200),
  });
  await flushAccount(em, input.merchantId);
  return account;
}

/** A live account by id, or NOT_FOUND (deleted accounts are not edited). */
async function liveAccount(em: EntityManager, id: number): Promise<SettlementAccount> {
  const account = Number.isSafeInteger(id) ? await em.findOne(SettlementAccount, { id }) : null;
  if (!account || account.isDelete) {
    throw new AppError('NOT_FOUND', 'no live settlement account with this id', { argument: 'id' });
  }
  return account;
}

/** Changes what is given; the merchant of an account never changes. */
export async function updateSettlementAccount(
  em: EntityManager,
  changes: SettlementAccountChanges,
): Promise<SettlementAccount> {
  checkEnums(changes);
  const account = await liveAccount(em, changes.id);
  const accountName =
    changes.accountName === undefined ? undefined : text(changes.accountName, 'accountName', 100);
  const accountNo = changes.accountNo === undefined ? undefined : text(changes.accountNo, 'accountNo', 64);
  const remarks = changes.remarks === undefined ? undefined : remarksOf(changes.remarks);
  if (changes.method !== undefined) account.method = changes.method;
  if (changes.period !== undefined) account.period = changes.period;
  if (accountName !== undefined) account.accountName = accountName;
  if (accountNo !== undefined) account.accountNo = accountNo;
  if (remarks !== undefined) account.remarks = remarks;
  await flushAccount(em, account.merchantId);
  return account;
}

/**
 * Marks an account deleted (`is_delete`): its settlements keep pointing at it, and it is
 * no longer settled on a schedule. Deleting a deleted account changes nothing.
 */
export async function deleteSettlementAccount(em: EntityManager, id: number): Promise<SettlementAccount> {
  const account = Number.isSafeInteger(id) ? await em.findOne(SettlementAccount, { id }) : null;
  if (!account) throw new AppError('NOT_FOUND', 'no settlement account with this id', { argument: 'id' });
  if (!account.isDelete) {
    account.isDelete = true;
    await em.flush();
  }
  return account;
}

function applyFilter(
  qb: QueryBuilder<SettlementAccount>,
  config: Pick<SettlementConfig, 'views'>,
  filter: SettlementAccountFilter,
): void {
  if (!filter.includeDeleted) qb.andWhere({ isDelete: false });
  if (filter.merchantId !== undefined) qb.andWhere({ merchantId: filter.merchantId });
  if (filter.merchantName) {
    qb.andWhere(
      `a.merchant_id in (select merchant_id from ${merchantDirectoryView(config)} where merchant_name ilike ?)`,
      [likeContains(filter.merchantName)],
    );
  }
  if (filter.account) {
    const pattern = likeContains(filter.account);
    qb.andWhere('(a.account_no ilike ? or a.account_name ilike ?)', [pattern, pattern]);
  }
}

/** One page of accounts, newest first, and the number matching. */
export async function listSettlementAccounts(
  em: EntityManager,
  config: Pick<SettlementConfig, 'views'>,
  filter: SettlementAccountFilter,
  window: PageWindow,
): Promise<{ items: SettlementAccount[]; total: number }> {
  const qb = em.createQueryBuilder(SettlementAccount, 'a');
  applyFilter(qb, config, filter);
  qb.orderBy({ id: 'desc' }).limit(window.limit).offset(window.offset);
  const [items, total] = await qb.getResultAndCount();
  return { items, total };
}
