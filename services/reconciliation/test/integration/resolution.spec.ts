import { dataOf, type Actor } from '@pay/common';
import {
  ACTORS,
  startReconciliationTestApp,
  type ReconciliationTestApp,
} from '../support/reconciliation-app';
import { cn, givenPayments, givenStatement } from '../support/recon-fixtures';

const RUN = `mutation ($input: StartReconciliationRunInput!) { startReconciliationRun(input: $input) { code } }`;
const DISCREPANCIES = `query ($runCode: String) { discrepancies(runCode: $runCode) { nodes { code issue platformOrderNo resolved } } }`;
const RESOLVE = `mutation ($input: ResolveDiscrepancyInput!) { resolveDiscrepancy(input: $input) { id action state amount note requestedBy approvedBy outcome } }`;
const APPROVE = `mutation ($id: ID!) { approveResolution(input: { resolutionId: $id }) { state approvedBy outcome } }`;
const REJECT = `mutation ($id: ID!, $note: String!) { rejectResolution(input: { resolutionId: $id, note: $note }) { state approvedBy outcome } }`;
const RESULT = `query ($code: String) { reconciliationResult(code: $code) { issue resolved resolutions { action state requestedBy } } }`;

const CHECKER: Actor = { sub: 'ops-carol', role: 'OPERATOR' };

interface Line {
  code: string;
  issue: string;
  platformOrderNo: string | null;
  resolved: boolean;
}

describe('resolving discrepancies', () => {
  let app: ReconciliationTestApp;
  let lines: Line[];
  const byOrder = (no: string) => lines.find((l) => l.platformOrderNo === no)!;

  beforeAll(async () => {
    // No orders service here: money-moving resolutions are covered end to end in test/.
    app = await startReconciliationTestApp({ approvalThreshold: 5_000 });
    const em = app.orm.em.fork();
    await givenPayments(em, [
      { platformOrderNo: 'HRES0001', amount: 1000, paidAt: cn('2025-11-16 10:00') }, // shortage
      { platformOrderNo: 'HRES0002', amount: 9000, paidAt: cn('2025-11-16 11:00') }, // shortage, above the threshold
      { platformOrderNo: 'HRES0003', amount: 2000, paidAt: cn('2025-11-16 12:00') }, // normal
    ]);
    await givenStatement(em, {
      source: 'wechat',
      billDate: '2025-11-16',
      lines: [
        {
          tradeTime: cn('2025-11-16 12:00'),
          platformOrderNo: 'HRES0003',
          transactionId: 'WX3',
          amount: 2000,
        },
        { tradeTime: cn('2025-11-16 13:00'), platformOrderNo: 'HGHOST01', transactionId: 'WX9', amount: 500 }, // surplus, unknown order
      ],
    });
    const run = dataOf(
      await app.gql<{ startReconciliationRun: { code: string } }>(RUN, {
        input: { source: 'wechat', periodStart: cn('2025-11-16 00:00'), periodEnd: cn('2025-11-17 00:00') },
      }),
    ).startReconciliationRun;
    lines = dataOf(await app.gql<{ discrepancies: { nodes: Line[] } }>(DISCREPANCIES, { runCode: run.code }))
      .discrepancies.nodes;
  });
  afterAll(async () => {
    await app.close();
  });

  it('accepts a difference with a note, once, and keeps the audit trail', async () => {
    const ghost = lines.find((l) => l.platformOrderNo === null)!;
    expect(ghost.issue).toBe('SURPLUS');
    const accepted = dataOf(
      await app.gql<{ resolveDiscrepancy: Record<string, unknown> }>(RESOLVE, {
        input: { resultCode: ghost.code, action: 'ACCEPT', note: 'test payment by the channel' },
      }),
    ).resolveDiscrepancy;
    expect(accepted).toMatchObject({
      action: 'ACCEPT',
      state: 'EXECUTED',
      amount: '0.00',
      requestedBy: ACTORS.operator.sub,
      outcome: 'accepted',
    });
    const again = await app.gql(RESOLVE, {
      input: { resultCode: ghost.code, action: 'ACCEPT', note: 'twice' },
    });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    const result = dataOf(
      await app.gql<{ reconciliationResult: Record<string, unknown> }>(RESULT, { code: ghost.code }),
    ).reconciliationResult;
    expect(result).toEqual({
      issue: 'SURPLUS',
      resolved: true,
      resolutions: [{ action: 'ACCEPT', state: 'EXECUTED', requestedBy: ACTORS.operator.sub }],
    });
  });

  it('refuses actions that do not fit the discrepancy, notes that are missing, and non-operators', async () => {
    const ghost = lines.find((l) => l.platformOrderNo === null)!;
    const shortage = byOrder('HRES0001');
    const codeOf = async (input: Record<string, unknown>, actor: Actor = ACTORS.operator) =>
      (await app.gql(RESOLVE, { input }, actor)).body.errors?.[0]?.extensions?.code;
    expect(await codeOf({ resultCode: shortage.code, action: 'COMPLETE_ORDER', note: 'x' })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf({ resultCode: ghost.code, action: 'CANCEL_ORDER', note: 'x' })).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await codeOf({ resultCode: shortage.code, action: 'ACCEPT', note: '   ' })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ resultCode: '0'.repeat(32), action: 'ACCEPT', note: 'x' })).toBe('NOT_FOUND');
    expect(await codeOf({ resultCode: shortage.code, action: 'ACCEPT', note: 'x' }, ACTORS.analyst)).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf({ resultCode: shortage.code, action: 'ACCEPT', note: 'x' }, ACTORS.merchant)).toBe(
      'FORBIDDEN',
    );
  });

  it('holds a money move above the threshold for a second operator: the maker cannot approve, a checker can reject', async () => {
    const big = byOrder('HRES0002');
    const pending = dataOf(
      await app.gql<{ resolveDiscrepancy: { id: string; state: string; amount: string } }>(RESOLVE, {
        input: { resultCode: big.code, action: 'CANCEL_ORDER', note: 'channel never paid' },
      }),
    ).resolveDiscrepancy;
    expect(pending).toMatchObject({ state: 'PENDING_APPROVAL', amount: '90.00' });
    const duplicate = await app.gql(RESOLVE, {
      input: { resultCode: big.code, action: 'ACCEPT', note: 'me too' },
    });
    expect(duplicate.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const selfApproval = await app.gql(APPROVE, { id: pending.id });
    expect(selfApproval.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rejected = dataOf(
      await app.gql<{ rejectResolution: Record<string, unknown> }>(
        REJECT,
        { id: pending.id, note: 'ask the channel first' },
        CHECKER,
      ),
    ).rejectResolution;
    expect(rejected).toEqual({
      state: 'REJECTED',
      approvedBy: CHECKER.sub,
      outcome: 'rejected: ask the channel first',
    });
    const late = await app.gql(APPROVE, { id: pending.id }, CHECKER);
    expect(late.body.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    const result = dataOf(
      await app.gql<{ reconciliationResult: { resolved: boolean } }>(RESULT, { code: big.code }),
    ).reconciliationResult;
    expect(result.resolved).toBe(false);
  });

  it('records a money move the orders service could not carry out as FAILED and leaves the line open', async () => {
    const small = byOrder('HRES0001');
    const response = await app.gql(RESOLVE, {
      input: { resultCode: small.code, action: 'CANCEL_ORDER', note: 'no orders service' },
    });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
    const result = dataOf(
      await app.gql<{ reconciliationResult: { resolved: boolean; resolutions: { state: string }[] } }>(
        RESULT,
        { code: small.code },
      ),
    ).reconciliationResult;
    expect(result.resolved).toBe(false);
    expect(result.resolutions.map((r) => r.state)).toEqual(['FAILED']);
  });
});

describe('resolving when the orders service cannot be reached', () => {
  let app: ReconciliationTestApp;
  beforeAll(async () => {
    // Nothing listens on port 9: the call fails at once, as a timed-out one would.
    app = await startReconciliationTestApp({ ordersUrl: 'http://127.0.0.1:9' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers DEPENDENCY_UNAVAILABLE, records the attempt as FAILED and leaves the line open', async () => {
    const em = app.orm.em.fork();
    await givenPayments(em, [{ platformOrderNo: 'HDOWN001', amount: 1000, paidAt: cn('2025-11-16 10:00') }]);
    await givenStatement(em, {
      source: 'wechat',
      billDate: '2025-11-16',
      lines: [
        { tradeTime: cn('2025-11-16 12:00'), platformOrderNo: 'HOTHER01', transactionId: 'WXO', amount: 700 },
      ],
    });
    const run = dataOf(
      await app.gql<{ startReconciliationRun: { code: string } }>(RUN, {
        input: { source: 'wechat', periodStart: cn('2025-11-16 00:00'), periodEnd: cn('2025-11-17 00:00') },
      }),
    ).startReconciliationRun;
    const shortage = dataOf(
      await app.gql<{ discrepancies: { nodes: Line[] } }>(DISCREPANCIES, { runCode: run.code }),
    ).discrepancies.nodes.find((l) => l.platformOrderNo === 'HDOWN001')!;
    const response = await app.gql(RESOLVE, {
      input: { resultCode: shortage.code, action: 'CANCEL_ORDER', note: 'orders down' },
    });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
    const result = dataOf(
      await app.gql<{ reconciliationResult: { resolved: boolean; resolutions: { state: string }[] } }>(
        RESULT,
        {
          code: shortage.code,
        },
      ),
    ).reconciliationResult;
    expect(result).toEqual({
      issue: 'SHORTAGE',
      resolved: false,
      resolutions: [{ action: 'CANCEL_ORDER', state: 'FAILED', requestedBy: ACTORS.operator.sub }],
    });
  });
});
