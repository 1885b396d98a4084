import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AppError, logger, type Actor } from '@pay/common';
import { ReconciliationResult } from '../matching/result/reconciliation-result.entity';
import { ReconciliationIssue } from '../matching/reconciliation-issue';
import { ReconciliationStatus } from '../payment/reconciliation-status';
import type { OrderAction, OrdersClient } from './orders.client';
import { Resolution, ResolutionAction, ResolutionState } from './resolution.entity';

/** Which discrepancies each action settles, and what the line becomes once it did. */
const RULES: Record<
  ResolutionAction,
  { issues: ReconciliationIssue[]; orderAction: OrderAction | null; becomes: ReconciliationIssue | null }
> = {
  [ResolutionAction.COMPLETE_ORDER]: {
    issues: [ReconciliationIssue.SURPLUS],
    orderAction: 'completeOrder',
    becomes: ReconciliationIssue.REVERSED,
  },
  [ResolutionAction.CANCEL_ORDER]: {
    issues: [ReconciliationIssue.SHORTAGE, ReconciliationIssue.ABNORMAL],
    orderAction: 'cancelOrder',
    becomes: ReconciliationIssue.REVERSED,
  },
  [ResolutionAction.REFUND_ORDER]: {
    issues: [ReconciliationIssue.ABNORMAL, ReconciliationIssue.SHORTAGE],
    orderAction: 'refundOrder',
    becomes: ReconciliationIssue.REFUNDED,
  },
  [ResolutionAction.ACCEPT]: {
    issues: [
      ReconciliationIssue.DOUBTFUL,
      ReconciliationIssue.SURPLUS,
      ReconciliationIssue.SHORTAGE,
      ReconciliationIssue.ABNORMAL,
    ],
    orderAction: null,
    becomes: null,
  },
};

export interface ResolutionSettings {
  /** Money moves above this many fen need a second operator. */
  approvalThreshold: number;
  orders: OrdersClient | null;
}

async function findResult(em: EntityManager, code: string, lock = false): Promise<ReconciliationResult> {
  const result = await em.findOne(
    ReconciliationResult,
    { code },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!result) throw new AppError('NOT_FOUND', 'no such reconciliation result', { resultCode: code });
  return result;
}

function checkNote(note: string): string {
  const text = note.trim();
  if (text.length === 0 || text.length > 500) {
    throw new AppError('BAD_USER_INPUT', 'a note of 1-500 characters is required', { argument: 'note' });
  }
  return text;
}

/**
 * Carries out a resolution: the orders service makes the money change (it asks the
 * ledger), then the line records what it became and the order is marked reversed or,
 * for an accepted difference, reconciled. The result row stays locked throughout, so
 * two operators cannot both act on it. A refusal by the orders service is recorded as
 * FAILED and reported; nothing else changes.
 */
async function execute(
  orm: MikroORM,
  settings: ResolutionSettings,
  resolutionId: number,
  actor: Actor,
): Promise<Resolution> {
  try {
    return await orm.em.fork().transactional(async (tx) => {
      const resolution = await tx.findOneOrFail(
        Resolution,
        { id: resolutionId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const result = await tx.findOneOrFail(
        ReconciliationResult,
        { id: resolution.resultId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (resolution.state !== ResolutionState.APPROVED)
        throw new AppError('ILLEGAL_TRANSITION', `the resolution is ${resolution.state}`);
      if (result.resolved) throw new AppError('ILLEGAL_TRANSITION', 'this discrepancy is already resolved');
      const rule = RULES[resolution.action];
      let outcome = 'accepted';
      if (rule.orderAction) {
        if (!settings.orders) throw new AppError('DEPENDENCY_UNAVAILABLE', 'no orders service is configured');
        const answer = await settings.orders.act(
          rule.orderAction,
          result.platformOrderNo!,
          actor,
          resolution.note,
        );
        outcome = `order ${result.platformOrderNo} is now ${answer.status}`;
      }
      resolution.state = ResolutionState.EXECUTED;
      resolution.executedAt = new Date();
      resolution.outcome = outcome;
      result.resolved = true;
      if (rule.becomes !== null) result.issue = rule.becomes;
      if (result.platformOrderNo) {
        // The order's status lives in payment_reconciliation (no row = not yet); only known orders get one.
        await tx.getConnection().execute(
          `insert into payment_reconciliation (platform_order_no, status)
           select platform_order_no, ? from payment where platform_order_no = ?
           on conflict (platform_order_no) do update set status = excluded.status`,
          [
            rule.becomes === null ? ReconciliationStatus.RECONCILED : ReconciliationStatus.REVERSED,
            result.platformOrderNo,
          ],
          'run',
          tx.getTransactionContext(),
        );
      }
      await tx.flush();
      return resolution;
    });
  } catch (error) {
    const reason = error instanceof AppError ? `${error.code}: ${error.message}` : 'internal error';
    await orm.em
      .fork()
      .getConnection()
      .execute(`update resolution set state = 'FAILED', outcome = ? where id = ? and state = 'APPROVED'`, [
        reason.slice(0, 500),
        resolutionId,
      ]);
    logger().warn({ resolutionId, reason }, 'resolution failed');
    throw error;
  }
}

/**
 * An operator resolves a discrepancy: complete the order (surplus), cancel it
 * (shortage), refund it, or accept the difference with a note. Money moves above the
 * configured amount wait for a second operator's approval (maker-checker).
 */
export async function resolveDiscrepancy(
  orm: MikroORM,
  settings: ResolutionSettings,
  actor: Actor,
  input: { resultCode: string; action: ResolutionAction; note: string },
): Promise<Resolution> {
  const note = checkNote(input.note);
  const em = orm.em.fork();
  const result = await findResult(em, input.resultCode);
  if (result.resolved) throw new AppError('ILLEGAL_TRANSITION', 'this discrepancy is already resolved');
  const rule = RULES[input.action];
  if (!rule.issues.includes(result.issue)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${input.action} does not settle a result with issue ${ReconciliationIssue[result.issue]}`,
      {
        argument: 'action',
      },
    );
  }
  if (rule.orderAction && !result.platformOrderNo) {
    throw new AppError('BAD_USER_INPUT', 'the platform has no order for this line: only ACCEPT settles it', {
      argument: 'action',
    });
  }
  const amount = rule.orderAction ? (result.platformAmount ?? result.channelAmount ?? result.payMoney) : 0;
  const needsApproval = amount > settings.approvalThreshold;
  const resolution = em.create(Resolution, {
    resultId: result.id,
    resultCreatedAt: result.createdAt,
    action: input.action,
    state: needsApproval ? ResolutionState.PENDING_APPROVAL : ResolutionState.APPROVED,
    amount,
    note,
    requestedBy: actor.sub,
  });
  try {
    await em.flush();
  } catch (error) {
    // resolution_open_unique: one resolution in flight per line.
    if (error instanceof UniqueConstraintViolationException) {
      throw new AppError('CONFLICT', 'a resolution of this discrepancy is already waiting for approval');
    }
    throw error;
  }
  if (needsApproval) return resolution;
  return execute(orm, settings, resolution.id, actor);
}

/** The second operator approves a pending resolution, which is then carried out. */
export async function approveResolution(
  orm: MikroORM,
  settings: ResolutionSettings,
  actor: Actor,
  resolutionId: number,
): Promise<Resolution> {
  const em = orm.em.fork();
  const resolution = await em.findOne(Resolution, { id: resolutionId });
  if (!resolution) throw new AppError('NOT_FOUND', 'no such resolution', { resolutionId });
  if (resolution.state !== ResolutionState.PENDING_APPROVAL)
    throw new AppError('ILLEGAL_TRANSITION', `the resolution is ${resolution.state}`);
  if (resolution.requestedBy === actor.sub)
    throw new AppError('FORBIDDEN', 'a second operator must approve: maker and checker differ');
  const claimed = (await em
    .getConnection()
    .execute(
      `update resolution set state = 'APPROVED', approved_by = ?, decided_at = now() where id = ? and state = 'PENDING_APPROVAL' returning id`,
      [actor.sub, resolutionId],
    )) as unknown[];
  if (claimed.length === 0) throw new AppError('CONFLICT', 'another operator decided this resolution first');
  return execute(orm, settings, resolutionId, actor);
}

/** The second operator rejects a pending resolution; nothing changes. */
export async function rejectResolution(
  orm: MikroORM,
  actor: Actor,
  resolutionId: number,
  note: string,
): Promise<Resolution> {
  const text = checkNote(note);
  const em = orm.em.fork();
  const resolution = await em.findOne(Resolution, { id: resolutionId });
  if (!resolution) throw new AppError('NOT_FOUND', 'no such resolution', { resolutionId });
  if (resolution.state !== ResolutionState.PENDING_APPROVAL)
    throw new AppError('ILLEGAL_TRANSITION', `the resolution is ${resolution.state}`);
  if (resolution.requestedBy === actor.sub)
    throw new AppError('FORBIDDEN', 'a second operator must decide: maker and checker differ');
  resolution.state = ResolutionState.REJECTED;
  resolution.approvedBy = actor.sub;
  resolution.decidedAt = new Date();
  resolution.outcome = `rejected: ${text}`.slice(0, 500);
  await em.flush();
  return resolution;
}
