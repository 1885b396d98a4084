import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type Actor } from '@pay/common';
import { BankCard } from './bank-card.entity';

/** A merchant keeps a handful of cards; the cap keeps `bankCards` a plain (bounded) list. */
export const MAX_BANK_CARDS = 20;

export interface AddBankCardCommand {
  merchantId: number;
  accountName: string;
  accountNumber: string;
  bankName: string;
  branch?: string | null;
  province?: string | null;
  city?: string | null;
  unionpayCode?: string | null;
}

function required(value: string, argument: string, max: number): string {
  const text = value.trim();
  if (text.length === 0 || text.length > max) {
    throw new AppError('BAD_USER_INPUT', `${argument} must be 1-${max} characters`, { argument });
  }
  return text;
}

function optional(value: string | null | undefined, argument: string, max: number): string | null {
  if (value == null || value.trim() === '') return null;
  return required(value, argument, max);
}

/** Parses a bank card id argument; anything but a positive integer is BAD_USER_INPUT. */
export function parseBankCardId(id: string, argument = 'bankCardId'): number {
  if (!/^[1-9]\d{0,14}$/.test(id))
    throw new AppError('BAD_USER_INPUT', `${argument} must be numeric`, { argument });
  return Number(id);
}

/** Adds an unapproved card after validating every field; the same number twice is refused. */
export async function addBankCard(em: EntityManager, command: AddBankCardCommand): Promise<BankCard> {
  const accountNumber = command.accountNumber.replace(/\s+/g, '');
  if (!/^\d{10,32}$/.test(accountNumber)) {
    throw new AppError('BAD_USER_INPUT', 'accountNumber must be 10-32 digits', { argument: 'accountNumber' });
  }
  const unionpayCode = optional(command.unionpayCode, 'unionpayCode', 12);
  if (unionpayCode !== null && !/^\d{12}$/.test(unionpayCode)) {
    throw new AppError('BAD_USER_INPUT', 'unionpayCode must be 12 digits', { argument: 'unionpayCode' });
  }
  const fields = {
    merchantId: command.merchantId,
    accountName: required(command.accountName, 'accountName', 100),
    accountNumber,
    bankName: required(command.bankName, 'bankName', 100),
    branch: optional(command.branch, 'branch', 100),
    province: optional(command.province, 'province', 50),
    city: optional(command.city, 'city', 50),
    unionpayCode,
  };
  const existing = await em.find(BankCard, { merchantId: command.merchantId });
  if (existing.some((card) => card.accountNumber === accountNumber)) {
    throw new AppError('BAD_USER_INPUT', 'this account number is already added', {
      argument: 'accountNumber',
    });
  }
  if (existing.length >= MAX_BANK_CARDS) {
    throw new AppError('BAD_USER_INPUT', `a merchant may keep at most ${MAX_BANK_CARDS} bank cards`, {
      max: MAX_BANK_CARDS,
    });
  }
  const card = em.create(BankCard, fields);
  await em.flush();
  return card;
}

/** Approves a card (operators); approving an approved card changes nothing. */
export async function approveBankCard(em: EntityManager, id: number, actor: Actor): Promise<BankCard> {
  const card = await em.findOne(BankCard, { id });
  if (!card) throw new AppError('NOT_FOUND', `bank card ${id} not found`, { bankCardId: id });
  if (!card.approved) {
    card.approved = true;
    card.approvedBy = actor.sub;
    card.approvedAt = new Date();
    await em.flush();
  }
  return card;
}

/** A merchant's cards, oldest first. */
export function bankCardsOf(em: EntityManager, merchantIds: readonly number[]): Promise<BankCard[]> {
  return em.find(BankCard, { merchantId: { $in: [...merchantIds] } }, { orderBy: { id: 'asc' } });
}

/**
 * The card a withdrawal pays to: the one named (the merchant's own and approved), or the
 * merchant's first approved card. Unknown or someone else's: NOT_FOUND; none approved: NO_BANK_CARD.
 */
export async function withdrawalCard(
  em: EntityManager,
  merchantId: number,
  bankCardId: number | null,
): Promise<BankCard> {
  if (bankCardId !== null) {
    const card = await em.findOne(BankCard, { id: bankCardId, merchantId });
    if (!card) throw withdrawalCardRefused('BANK_CARD_NOT_FOUND', bankCardId);
    if (!card.approved) throw withdrawalCardRefused('BANK_CARD_NOT_APPROVED', bankCardId);
    return card;
  }
  const card = await em.findOne(BankCard, { merchantId, approved: true }, { orderBy: { id: 'asc' } });
  if (!card) throw withdrawalCardRefused('NO_APPROVED_BANK_CARD', null);
  return card;
}

/** Why a withdrawal has no card to pay to (also raised, by these names, by `request_withdrawals`). */
export type WithdrawalCardRefusal =
  'BANK_CARD_NOT_FOUND' | 'BANK_CARD_NOT_APPROVED' | 'NO_APPROVED_BANK_CARD';

export function withdrawalCardRefused(reason: WithdrawalCardRefusal, bankCardId: number | null): AppError {
  switch (reason) {
    case 'BANK_CARD_NOT_FOUND':
      return new AppError('NOT_FOUND', `bank card ${bankCardId} not found`, { bankCardId });
    case 'BANK_CARD_NOT_APPROVED':
      return new AppError('NO_BANK_CARD', `bank card ${bankCardId} is not approved yet`, { bankCardId });
    case 'NO_APPROVED_BANK_CARD':
      return new AppError('NO_BANK_CARD', 'the merchant has no approved bank card');
  }
}
