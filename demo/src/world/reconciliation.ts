import { addDays, formatChinaDate } from '@pay/common';
import { DEMO_ACTORS, type PlatformClient } from '../platform-client';
import type { Progress } from '../progress';

const IMPORT = `mutation ($input: ImportStatementInput!) {
  importStatement(input: $input) { created statement { id lineCount } }
}`;
const RUN = `mutation ($input: StartReconciliationRunInput!) {
  startReconciliationRun(input: $input) { code status matchedCount abnormalCount doubtfulCount error }
}`;
const OPEN = `query ($after: String) {
  discrepancies(resolved: false, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { code issue payMoney channelState platformState run { source periodStart periodEnd } }
  }
}`;
const RESOLVE = `mutation ($input: ResolveDiscrepancyInput!) { resolveDiscrepancy(input: $input) { id state } }`;

const KINDS = ['wechat', 'alipay'] as const;

interface Run {
  code: string;
  status: string;
  matchedCount: number;
  abnormalCount: number;
  doubtfulCount: number;
  error: string | null;
}

/**
 * A finished China day's reconciliation, as an operator does it: both sandbox
 * statements (the real WeChat and Alipay formats) downloaded from the channel,
 * uploaded through the gateway, and one run per source over the day.
 */
export async function reconcileDay(client: PlatformClient, dayStart: Date): Promise<Run[]> {
  const day = formatChinaDate(dayStart);
  const runs: Run[] = [];
  for (const kind of KINDS) {
    const download = await client.sandbox(`/sandbox/statements/${kind}/${day}`);
    const fileName =
      /filename="?([^";]+)"?/.exec(download.headers.get('content-disposition') ?? '')?.[1] ?? day;
    await client.upload(
      IMPORT,
      { input: { file: null, source: `sandbox-${kind}`, billDate: day, fileName } },
      'variables.input.file',
      {
        bytes: new Uint8Array(await download.arrayBuffer()),
        name: fileName,
        type: download.headers.get('content-type') ?? 'application/octet-stream',
      },
      DEMO_ACTORS.operator,
    );
    runs.push(await runSource(client, `sandbox-${kind}`, dayStart, '演示：日终对账'));
  }
  return runs;
}

async function runSource(
  client: PlatformClient,
  source: string,
  dayStart: Date,
  remark: string,
): Promise<Run> {
  const { startReconciliationRun: run } = await client.gql<{ startReconciliationRun: Run }>(
    RUN,
    {
      input: {
        source,
        periodStart: dayStart.toISOString(),
        periodEnd: addDays(dayStart, 1).toISOString(),
        remark,
      },
    },
    DEMO_ACTORS.operator,
  );
  return run;
}

interface OpenLine {
  code: string;
  issue: string;
  payMoney: string;
  channelState: string;
  platformState: string;
  run: { source: string; periodStart: string; periodEnd: string } | null;
}

async function openDiscrepancies(client: PlatformClient): Promise<OpenLine[]> {
  const lines: OpenLine[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      discrepancies: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: OpenLine[] };
    } = await client.gql(OPEN, { after }, DEMO_ACTORS.operator);
    lines.push(...page.discrepancies.nodes);
    if (!page.discrepancies.pageInfo.hasNextPage) return lines;
    after = page.discrepancies.pageInfo.endCursor;
  }
}

type Action = 'COMPLETE_ORDER' | 'CANCEL_ORDER' | 'REFUND_ORDER' | 'ACCEPT';

/**
 * Which planted discrepancy gets which resolution (the rest stay open for the console):
 * the lost callback of 100.00 is completed, the large one of 2000.00 is completed too
 * and waits for the checker, the shortage of 100.00 is cancelled, the channel-side
 * refund is refunded, the amount the channel billed differently is accepted.
 */
function chooseAction(line: OpenLine): { action: Action; note: string } | null {
  if (line.issue === 'SURPLUS' && (line.payMoney === '100.00' || line.payMoney === '2000.00'))
    return { action: 'COMPLETE_ORDER', note: '渠道查询为支付成功，回调丢失，补单' };
  if (line.issue === 'SHORTAGE' && line.payMoney === '100.00')
    return { action: 'CANCEL_ORDER', note: '渠道无此笔支付，撤销人工补单' };
  if (line.issue === 'ABNORMAL' && line.channelState === 'REFUNDED' && line.platformState === 'PAID')
    return { action: 'REFUND_ORDER', note: '渠道已退款给付款人，平台同步退款' };
  if (line.issue === 'ABNORMAL' && line.channelState === 'PAID' && line.platformState === 'PAID')
    return { action: 'ACCEPT', note: '渠道账单少记 0.50 元，已与渠道确认，接受差额' };
  return null;
}

/**
 * Resolves the planted discrepancies as the demo operator, then runs their days again,
 * so that the completed and refunded orders reconcile (正常, 已退款). Returns the number
 * of resolutions made.
 */
export async function resolveDemoDiscrepancies(client: PlatformClient, progress: Progress): Promise<number> {
  const rerun = new Map<string, { source: string; dayStart: Date }>();
  let made = 0;
  for (const line of await openDiscrepancies(client)) {
    const choice = chooseAction(line);
    if (!choice) continue;
    const { resolveDiscrepancy } = await client.gql<{ resolveDiscrepancy: { state: string } }>(
      RESOLVE,
      { input: { resultCode: line.code, ...choice } },
      DEMO_ACTORS.operator,
    );
    made += 1;
    progress(`  ${line.issue} ${line.payMoney} → ${choice.action} (${resolveDiscrepancy.state})`);
    if (resolveDiscrepancy.state === 'EXECUTED' && line.run && choice.action !== 'ACCEPT')
      rerun.set(`${line.run.source}@${line.run.periodStart}`, {
        source: line.run.source,
        dayStart: new Date(line.run.periodStart),
      });
  }
  for (const { source, dayStart } of rerun.values())
    await runSource(client, source, dayStart, '演示：处理差错后复核');
  return made;
}
