import { randomUUID } from 'node:crypto';
import { dataOf, type Actor } from '@pay/common';
import {
  ADJUSTMENT,
  AccountPurpose,
  merchantAccount,
  OwnerType,
} from '../../src/modules/account/account-purpose';
import { post } from '../../src/modules/posting/posting.service';
import { PostingType } from '../../src/modules/posting/posting-type';
import { ACTORS, type LedgerTestApp } from './ledger-app';

export const BANK_CARD_FIELDS = `id merchantId accountName maskedNumber bankName branch province city unionpayCode
  approved approvedAt createdAt`;

export const WITHDRAWAL_FIELDS = `id withdrawNo merchantId amount fee status statusCode statusName
  agentPayStatus agentPayStatusCode agentPayStatusName notifyStatus notifyStatusCode notifyStatusName
  bankCardId accountName maskedAccountNumber bankName branch province city unionpayCode extend createdAt updatedAt
  logs { id fromStatus toStatus actor note createdAt }
  notifyLogs { id callbackUrl httpStatus delivered createdAt }
  upstreamRecords { id provider upstreamNo amount status message createdAt }`;

export const ADD_CARD = `mutation ($input: AddBankCardInput!) { addBankCard(input: $input) { ${BANK_CARD_FIELDS} } }`;
export const APPROVE_CARD = `mutation ($input: ApproveBankCardInput!) { approveBankCard(input: $input) { ${BANK_CARD_FIELDS} } }`;
export const BANK_CARDS = `query ($merchantId: Int, $approved: Boolean) {
  bankCards(merchantId: $merchantId, approved: $approved) { ${BANK_CARD_FIELDS} }
}`;
export const REQUEST = `mutation ($input: RequestWithdrawalInput!) {
  requestWithdrawal(input: $input) { balanceAfter pendingWithdrawal frozenToday fee withdrawal { ${WITHDRAWAL_FIELDS} } }
}`;
export const MARK_PAID = `mutation ($input: MarkWithdrawalPaidInput!) { markWithdrawalPaid(input: $input) { ${WITHDRAWAL_FIELDS} } }`;
export const FREEZE = `mutation ($input: FreezeWithdrawalInput!) { freezeWithdrawal(input: $input) { ${WITHDRAWAL_FIELDS} } }`;
export const CANCEL = `mutation ($input: CancelWithdrawalInput!) { cancelWithdrawal(input: $input) { ${WITHDRAWAL_FIELDS} } }`;
export const WITHDRAWAL = `query ($id: ID, $withdrawNo: String, $merchantId: Int) {
  withdrawal(id: $id, withdrawNo: $withdrawNo, merchantId: $merchantId) { ${WITHDRAWAL_FIELDS} }
}`;
export const WITHDRAWALS = `query ($merchantId: Int, $statusCode: Int, $status: WithdrawalStatus, $startTime: DateTimeISO,
  $endTime: DateTimeISO, $page: Int, $pageSize: Int, $first: Int, $after: String) {
  withdrawals(merchantId: $merchantId, statusCode: $statusCode, status: $status, startTime: $startTime,
    endTime: $endTime, page: $page, pageSize: $pageSize, first: $first, after: $after) {
    totalCount totalPages page pageSize pageInfo { hasNextPage endCursor } nodes { id withdrawNo statusCode createdAt }
  }
}`;

export interface BankCardView {
  id: string;
  merchantId: number;
  accountName: string;
  maskedNumber: string;
  bankName: string;
  branch: string | null;
  province: string | null;
  city: string | null;
  unionpayCode: string | null;
  approved: boolean;
  approvedAt: string | null;
  createdAt: string;
}

export interface WithdrawalView {
  id: string;
  withdrawNo: string;
  merchantId: number;
  amount: string;
  fee: string;
  status: string;
  statusCode: number;
  statusName: string;
  agentPayStatus: string;
  agentPayStatusCode: number;
  agentPayStatusName: string;
  notifyStatus: string;
  notifyStatusCode: number;
  notifyStatusName: string;
  bankCardId: string | null;
  accountName: string;
  maskedAccountNumber: string;
  bankName: string;
  branch: string | null;
  province: string | null;
  city: string | null;
  unionpayCode: string | null;
  extend: unknown;
  createdAt: string;
  updatedAt: string;
  logs: { id: string; fromStatus: string | null; toStatus: string; actor: string; note: string | null }[];
  notifyLogs: unknown[];
  upstreamRecords: unknown[];
}

export interface RequestView {
  balanceAfter: string;
  pendingWithdrawal: string;
  frozenToday: string;
  fee: string;
  withdrawal: WithdrawalView;
}

/** A full 16-digit card number per merchant and index, e.g. 6217000020241641 … */
export const cardNumber = (merchantId: number, index = 1) =>
  `621700${String(merchantId).slice(-6).padStart(6, '0')}${String(index).padStart(4, '0')}`;

/** Puts money on a merchant's available balance with one ADJUSTMENT posting. */
export async function fund(app: LedgerTestApp, merchantId: number, fen: number): Promise<void> {
  await post(app.orm.em.fork(), {
    uniqueNo: `test-fund:${randomUUID()}`,
    type: PostingType.ADJUSTMENT,
    description: 'test funding',
    actor: 'test',
    legs: [
      { ...ADJUSTMENT, amount: -fen },
      { ...merchantAccount(merchantId, AccountPurpose.MERCHANT_AVAILABLE), amount: fen },
    ],
  });
}

/** Adds a card as the merchant and approves it as the operator. */
export async function approvedCard(
  app: LedgerTestApp,
  merchantId: number,
  overrides: Record<string, unknown> = {},
): Promise<BankCardView> {
  const actor: Actor = { sub: `merchant:${merchantId}`, role: 'MERCHANT', merchantId };
  const added = dataOf(
    await app.gql<{ addBankCard: BankCardView }>(
      ADD_CARD,
      {
        input: {
          accountName: 'jl888',
          accountNumber: cardNumber(merchantId),
          bankName: '中国建设银行',
          branch: '深圳福田支行',
          province: '广东省',
          city: '深圳市',
          unionpayCode: '105584000017',
          ...overrides,
        },
      },
      actor,
    ),
  ).addBankCard;
  return dataOf(
    await app.gql<{ approveBankCard: BankCardView }>(
      APPROVE_CARD,
      { input: { bankCardId: added.id } },
      ACTORS.operator,
    ),
  ).approveBankCard;
}

/** Balances of a merchant's accounts in fen (0 for accounts never used). */
export async function merchantFen(
  app: LedgerTestApp,
  merchantId: number,
): Promise<{ available: number; frozen: number; pending: number }> {
  const rows = (await app.orm.em
    .fork()
    .getConnection()
    .execute('select purpose, balance from account_balance where owner_type = ? and owner_id = ?', [
      OwnerType.MERCHANT,
      String(merchantId),
    ])) as { purpose: AccountPurpose; balance: string }[];
  const of = (purpose: AccountPurpose) => Number(rows.find((r) => r.purpose === purpose)?.balance ?? 0);
  return {
    available: of(AccountPurpose.MERCHANT_AVAILABLE),
    frozen: of(AccountPurpose.MERCHANT_FROZEN),
    pending: of(AccountPurpose.MERCHANT_PENDING_WITHDRAWAL),
  };
}

/** A platform account's balance in fen (hot accounts summed over their slots). */
export async function platformFen(app: LedgerTestApp, purpose: AccountPurpose): Promise<number> {
  const [row] = (await app.orm.em
    .fork()
    .getConnection()
    .execute(
      'select coalesce(sum(balance), 0)::bigint as balance from account_balance where owner_type = ? and purpose = ?',
      [OwnerType.PLATFORM, purpose],
    )) as { balance: string }[];
  return Number(row!.balance);
}

/** Row counts of every table a withdrawal or bank card command writes. */
export async function withdrawalTableCounts(app: LedgerTestApp): Promise<Record<string, number>> {
  const tables = ['bank_card', 'withdrawal', 'withdrawal_log', 'posting', 'leg', 'account'];
  const [row] = (await app.orm.em
    .fork()
    .getConnection()
    .execute(`select ${tables.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`)) as Record<
    string,
    number
  >[];
  return row!;
}

/** The legs of a posting by its key, with their accounts. */
export async function legsOf(
  app: LedgerTestApp,
  uniqueNo: string,
): Promise<{ type: number; ownerId: string; purpose: string; amount: number }[]> {
  const rows = (await app.orm.em
    .fork()
    .getConnection()
    .execute(
      `select p.type, a.owner_id, a.purpose, l.amount from posting p
         join leg l on l.posting_id = p.id join account a on a.id = l.account_id
        where p.unique_no = ? order by a.purpose`,
      [uniqueNo],
    )) as { type: number; owner_id: string; purpose: string; amount: string }[];
  return rows.map((r) => ({
    type: r.type,
    ownerId: r.owner_id,
    purpose: r.purpose,
    amount: Number(r.amount),
  }));
}
