import { ACTOR_HEADER, signActorHeader, type Actor } from '@pay/common';
import { testOrdersConfig } from '@pay/orders';
import { testSettlementConfig } from '@pay/settlement';
import { ACTORS, startPlatform, type Platform } from './support/platform';
import { gatewayRoot, merchantApiCall } from './support/legacy-clients';

/**
 * A client's mistake is BAD_USER_INPUT naming the argument, never INTERNAL_SERVER_ERROR
 * (issue 13, item 2): DateTimeISO values that are no real date, and NUL characters, which
 * PostgreSQL refuses — as variables and as inline literals, through the gateway, through
 * the REST parameters that reach them, and on direct subgraph calls. Nothing is written.
 */

interface GraphQLAnswer {
  status: number;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
  };
}

const BAD_DATES = ['abc', '', '2025-13-45T00:00:00Z', '99999-01-01T00:00:00Z'];
const NUL = 'A\u0000B';

const RUN_SETTLEMENTS = `mutation ($input: RunSettlementsInput) {
  runSettlements(input: $input) { settlementsCreated }
}`;
const START_RUN = `mutation ($input: StartReconciliationRunInput!) {
  startReconciliationRun(input: $input) { id }
}`;
const COUNTS = `{ reconciliationRuns(page: 1, pageSize: 1) { totalCount } settlements(page: 1, pageSize: 1) { totalCount } }`;

describe('input errors are BAD_USER_INPUT naming the argument', () => {
  let platform: Platform;

  async function gql(query: string, variables?: Record<string, unknown>, actor: Actor = ACTORS.operator) {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${platform.token(actor)}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] };
  }

  function expectBadInput(answer: GraphQLAnswer, argument: string): void {
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(answer.body.errors?.[0]?.message).toContain(argument);
    expect(answer.body.data ?? null).toBeNull();
  }

  async function counts(): Promise<{ runs: number; settlements: number }> {
    const { body } = await gql(COUNTS);
    expect(body.errors).toBeUndefined();
    const data = body.data as {
      reconciliationRuns: { totalCount: number };
      settlements: { totalCount: number };
    };
    return { runs: data.reconciliationRuns.totalCount, settlements: data.settlements.totalCount };
  }

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  describe('invalid DateTimeISO', () => {
    it.each(BAD_DATES)('runSettlements(until: %j) as a variable and inline', async (value) => {
      const before = await counts();
      const asVariable = await gql(RUN_SETTLEMENTS, { input: { until: value } });
      expect(asVariable.status).toBe(400);
      expectBadInput(asVariable, 'input.until');
      const inline = await gql(
        `mutation { runSettlements(input: { until: ${JSON.stringify(value)} }) { settlementsCreated } }`,
      );
      expectBadInput(inline, 'input.until');
      expect(await counts()).toEqual(before);
    });

    it.each(BAD_DATES)('startReconciliationRun(periodStart: %j)', async (value) => {
      const before = await counts();
      const input = { source: 'WECHAT', periodStart: value, periodEnd: '2025-01-02T00:00:00Z' };
      expectBadInput(await gql(START_RUN, { input }), 'input.periodStart');
      const inline = await gql(
        `mutation { startReconciliationRun(input: { source: "WECHAT", periodStart: "2025-01-01T00:00:00Z", periodEnd: ${JSON.stringify(value)} }) { id } }`,
      );
      expectBadInput(inline, 'input.periodEnd');
      expect(await counts()).toEqual(before);
    });

    it('reaches no subgraph called directly either (status 200 for the gateway, not 400)', async () => {
      const secret = testSettlementConfig().auth.internalSecret;
      const response = await fetch(`${platform.settlementUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ACTOR_HEADER]: signActorHeader(ACTORS.operator, secret),
        },
        body: JSON.stringify({
          query: RUN_SETTLEMENTS,
          variables: { input: { until: '2025-13-45T00:00:00Z' } },
        }),
      });
      expect(response.status).toBe(200);
      expectBadInput(
        { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] },
        'input.until',
      );
    });
  });

  describe('a NUL character in a string argument', () => {
    const cases: { name: string; query: string; variables: Record<string, unknown>; argument: string }[] = [
      {
        name: 'completeOrder',
        query: 'mutation ($input: ManualOrderActionInput!) { completeOrder(input: $input) { unchanged } }',
        variables: { input: { platformOrderNo: NUL } },
        argument: 'input.platformOrderNo',
      },
      {
        name: 'cancelOrder',
        query: 'mutation ($input: ManualOrderActionInput!) { cancelOrder(input: $input) { unchanged } }',
        variables: { input: { merchantId: 2024164, merchantOrderNo: NUL } },
        argument: 'input.merchantOrderNo',
      },
      {
        name: 'cancelWithdrawal',
        query: 'mutation ($input: CancelWithdrawalInput!) { cancelWithdrawal(input: $input) { id } }',
        variables: { input: { withdrawNo: NUL } },
        argument: 'input.withdrawNo',
      },
      {
        name: 'resolveDiscrepancy',
        query: 'mutation ($input: ResolveDiscrepancyInput!) { resolveDiscrepancy(input: $input) { id } }',
        variables: { input: { resultCode: '0'.repeat(32), action: 'ACCEPT', note: NUL } },
        argument: 'input.note',
      },
      {
        name: 'settlement(code:)',
        query: 'query ($code: String!) { settlement(code: $code) { code } }',
        variables: { code: NUL },
        argument: 'code',
      },
    ];

    it.each(cases)('$name as a variable', async ({ query, variables, argument }) => {
      const answer = await gql(query, variables);
      expect(answer.status).toBe(400);
      expectBadInput(answer, argument);
    });

    it('as an inline literal', async () => {
      expectBadInput(await gql('{ settlement(code: "A\\u0000B") { code } }'), 'code');
      expectBadInput(
        await gql('mutation { completeOrder(input: { platformOrderNo: "X\\u0000" }) { unchanged } }'),
        'input.platformOrderNo',
      );
    });

    it('on a direct call of the orders subgraph', async () => {
      const secret = testOrdersConfig().auth.internalSecret;
      const response = await fetch(platform.ordersUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ACTOR_HEADER]: signActorHeader(ACTORS.operator, secret),
        },
        body: JSON.stringify({ query: cases[0]!.query, variables: cases[0]!.variables }),
      });
      expect(response.status).toBe(200);
      expectBadInput(
        { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] },
        'input.platformOrderNo',
      );
    });
  });

  describe('through the REST parameters that reach them', () => {
    it.each(['/manualcompleteorder', '/manualcancelorder'])(
      'merchant API %s with a NUL in the order number: 参数错误',
      async (path) => {
        const answer = await merchantApiCall(platform, path, { merchant_order_no: NUL });
        expect(answer).toEqual({ status: 400, body: { code: 1, message: '参数错误', data: null } });
      },
    );

    it('/pay/* with a NUL in a filter, or a date out of range: 参数错误', async () => {
      const call = async (path: string) => {
        const response = await fetch(`${gatewayRoot(platform)}${path}`, {
          headers: { authorization: `Bearer ${platform.token(ACTORS.operator)}` },
        });
        return { status: response.status, body: (await response.json()) as unknown };
      };
      expect(await call('/pay/check_record?user=a%00b')).toEqual({
        status: 400,
        body: { code: 400, msg: '参数错误', data: null },
      });
      expect(await call('/pay/settlement/?code=S%00')).toEqual({
        status: 400,
        body: { code: 400, msg: '参数错误', data: null },
      });
      expect(await call('/pay/check_record?time=99999-01-01')).toEqual({
        status: 400,
        body: { code: 400, msg: '参数错误', data: null },
      });
    });
  });
});
