import { registerEnumType } from 'type-graphql';
import { AppError } from '@pay/common';

/** A withdrawal's lifecycle: applied, then paid out, frozen (held) or cancelled by an operator. */
export enum WithdrawalStatus {
  APPLIED = 'APPLIED',
  PAID = 'PAID',
  FROZEN = 'FROZEN',
  CANCELLED = 'CANCELLED',
}
registerEnumType(WithdrawalStatus, {
  name: 'WithdrawalStatus',
  description: 'Lifecycle status of a withdrawal.',
  valuesConfig: {
    APPLIED: { description: 'Requested; the money waits in pending withdrawal (legacy 0 `pending`).' },
    PAID: { description: 'Paid out to the bank account (legacy 1 `paid`).' },
    FROZEN: { description: 'Held by an operator; the money stays pending (legacy 2 `frozen`).' },
    CANCELLED: { description: 'Cancelled; the money went back to available (legacy 3 `cancelled`).' },
  },
});

/** Agent-pay (代付): whether the payout was handed to an upstream payout provider. */
export enum AgentPayStatus {
  NOT_SUBMITTED = 'NOT_SUBMITTED',
  SUBMITTED = 'SUBMITTED',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(AgentPayStatus, {
  name: 'AgentPayStatus',
  description: 'Agent-pay (代付) status of a withdrawal.',
});

/** Whether the merchant was told about the withdrawal's outcome. */
export enum WithdrawalNotifyStatus {
  PENDING = 'PENDING',
  FAILED = 'FAILED',
  SUCCEEDED = 'SUCCEEDED',
}
registerEnumType(WithdrawalNotifyStatus, {
  name: 'WithdrawalNotifyStatus',
  description: "Notification status of a withdrawal's outcome.",
});

export interface LegacyCode {
  code: number;
  name: string;
}

/** merchant-api.md `status_code` / `status`: 0 applied (pending), 1 paid, 2 frozen, 3 cancelled. */
export const WITHDRAWAL_STATUS_CODES: Record<WithdrawalStatus, LegacyCode> = {
  APPLIED: { code: 0, name: 'pending' },
  PAID: { code: 1, name: 'paid' },
  FROZEN: { code: 2, name: 'frozen' },
  CANCELLED: { code: 3, name: 'cancelled' },
};

/** merchant-api.md `agentpay_status_code` / `agentpay_status`. */
export const AGENT_PAY_STATUS_CODES: Record<AgentPayStatus, LegacyCode> = {
  NOT_SUBMITTED: { code: 0, name: 'not_submitted' },
  SUBMITTED: { code: 1, name: 'submitted' },
  SUCCEEDED: { code: 2, name: 'success' },
  FAILED: { code: 3, name: 'failed' },
};

/** merchant-api.md `notify_status_code` / `notify_status` (the same codes as orders' notifications). */
export const NOTIFY_STATUS_CODES: Record<WithdrawalNotifyStatus, LegacyCode> = {
  PENDING: { code: 0, name: 'pending' },
  FAILED: { code: 1, name: 'failed' },
  SUCCEEDED: { code: 2, name: 'success' },
};

/** The status a legacy `status` code (0-3) filters on. */
export function statusOfCode(code: number): WithdrawalStatus {
  const found = (Object.keys(WITHDRAWAL_STATUS_CODES) as WithdrawalStatus[]).find(
    (s) => WITHDRAWAL_STATUS_CODES[s].code === code,
  );
  if (!found) throw new AppError('BAD_USER_INPUT', 'status must be 0, 1, 2 or 3', { argument: 'statusCode' });
  return found;
}

/** Operator actions on a withdrawal and the statuses each may start from. */
export type WithdrawalAction = 'PAY' | 'FREEZE' | 'CANCEL';

const TRANSITIONS: Record<WithdrawalAction, { from: readonly WithdrawalStatus[]; to: WithdrawalStatus }> = {
  // A frozen withdrawal may still be paid once the hold is cleared: its money is pending.
  PAY: { from: [WithdrawalStatus.APPLIED, WithdrawalStatus.FROZEN], to: WithdrawalStatus.PAID },
  FREEZE: { from: [WithdrawalStatus.APPLIED], to: WithdrawalStatus.FROZEN },
  CANCEL: { from: [WithdrawalStatus.APPLIED, WithdrawalStatus.FROZEN], to: WithdrawalStatus.CANCELLED },
};

/** The status `action` leads to from `from`; ILLEGAL_TRANSITION when it is not allowed. */
export function transition(from: WithdrawalStatus, action: WithdrawalAction): WithdrawalStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    throw new AppError('ILLEGAL_TRANSITION', `a ${from.toLowerCase()} withdrawal cannot be ${verb(action)}`, {
      from,
      action,
    });
  }
  return rule.to;
}

const verb = (action: WithdrawalAction) =>
  action === 'PAY' ? 'paid' : action === 'FREEZE' ? 'frozen' : 'cancelled';
