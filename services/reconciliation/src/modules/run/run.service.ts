import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, formatChinaDate, logger } from '@pay/common';
import type { ReconciliationConfig } from '../../config';
import { sandboxChannelQuery, type ChannelQuery } from '../matching/channel-query.client';
import { matchRun, queryDoubtfulOrders } from '../matching/matching.service';
import { SourceSetting } from '../matching/source-setting/source-setting.entity';
import { coverageOfSource } from '../statement/source-coverage';
import { SOURCE_NAME } from '../statement/statement-template.service';
import { ReconciliationRun, RunStatus } from './reconciliation-run.entity';
import { recordRunStatements } from './run-statements';

/** Memory for the sorts and hashes of one run's statements (SET LOCAL: this transaction only). */
const RUN_WORK_MEM = '64MB';

/** The longest period one run may cover. */
export const MAX_RUN_DAYS = 31;

export interface StartRunRequest {
  source: string;
  periodStart: Date;
  periodEnd: Date;
  remark?: string | null;
  /** The operator's subject, or `auto`. */
  person: string;
  /** The daily run: only orders whose automatic reconciliation is on. */
  autoOnly?: boolean;
  /** The run's clock (doubtful windows); now by default. */
  now?: Date;
}

export interface RunDependencies {
  matching: ReconciliationConfig['matching'];
  /** Asks the channel about doubtful orders; null: not configured (no orders URL). */
  channel: ChannelQuery | null;
}

/** What a run needs from the configuration: the matching settings and, with an orders URL, the sandbox channel. */
export function runDependencies(config: ReconciliationConfig): RunDependencies {
  return {
    matching: config.matching,
    channel: config.ordersUrl
      ? sandboxChannelQuery(
          config.ordersUrl,
          config.auth.internalSecret,
          config.internalCallTimeoutMs ?? undefined,
        )
      : null,
  };
}

/** Codes look like the legacy ones: 32 hex digits. */
export const newRunCode = () => randomBytes(16).toString('hex');

function validate(request: StartRunRequest): void {
  const { source, periodStart, periodEnd } = request;
  if (!SOURCE_NAME.test(source)) {
    throw new AppError('BAD_USER_INPUT', 'unknown statement source', { argument: 'source' });
  }
  if (Number.isNaN(periodStart.getTime()) || Number.isNaN(periodEnd.getTime()) || periodEnd <= periodStart) {
    throw new AppError('BAD_USER_INPUT', 'the period must end after it starts', { argument: 'periodEnd' });
  }
  if (periodEnd.getTime() - periodStart.getTime() > MAX_RUN_DAYS * 24 * 3600_000) {
    throw new AppError('BAD_USER_INPUT', `a run covers at most ${MAX_RUN_DAYS} days`, {
      argument: 'periodEnd',
    });
  }
  if (request.remark && request.remark.length > 500) {
    throw new AppError('BAD_USER_INPUT', 'the remark is longer than 500 characters', { argument: 'remark' });
  }
}

/** Whether the source has a current statement for a day of the period, or current lines in it. */
async function hasStatement(em: EntityManager, request: StartRunRequest): Promise<boolean> {
  const [row] = (await em.getConnection().execute(
    `select exists (
       select 1 from statement where source = ? and bill_date between ?::date and ?::date and superseded_at is null
     ) or exists (
       select 1 from statement_line
       where source = ? and current and trade_time >= ?::timestamptz and trade_time < ?::timestamptz
     ) as found`,
    [
      request.source,
      formatChinaDate(request.periodStart),
      formatChinaDate(new Date(request.periodEnd.getTime() - 1)),
      request.source,
      request.periodStart.toISOString(),
      request.periodEnd.toISOString(),
    ],
  )) as { found: boolean }[];
  return row?.found === true;
}

/**
 * Runs one reconciliation: writes the header (RUNNING), then in one transaction — under
 * a per-source lock, so runs of one source never interleave — classifies, decides
 * earlier doubtful rows, sets order statuses and the headers (DONE), and records the
 * statements it used (the source's current ones). A failure rolls the
 * matching back and leaves the header FAILED with the reason. Afterwards, outside the
 * transaction, doubtful orders are queried at the channel and the answers noted.
 */
export async function startReconciliationRun(
  em: EntityManager,
  deps: RunDependencies,
  request: StartRunRequest,
): Promise<ReconciliationRun> {
  validate(request);
  if (!(await hasStatement(em, request))) {
    throw new AppError('BAD_USER_INPUT', 'no statement of this source covers the period; import it first', {
      argument: 'source',
      source: request.source,
    });
  }
  const now = request.now ?? new Date();
  const run = em.create(ReconciliationRun, {
    code: newRunCode(),
    source: request.source,
    periodStart: request.periodStart,
    periodEnd: request.periodEnd,
    person: request.person,
    remark: request.remark ?? null,
    autoOnly: request.autoOnly ?? false,
    createdAt: new Date(),
  });
  await em.flush();
  try {
    await em.transactional(async (tx) => {
      // Runs of one source never interleave; the big joins get memory enough not to spill.
      await tx
        .getConnection()
        .execute(
          `select pg_advisory_xact_lock(hashtext('reconciliation-run:' || ?)), set_config('work_mem', ?, true)`,
          [request.source, RUN_WORK_MEM],
          'all',
          tx.getTransactionContext(),
        );
      const setting = await tx.findOne(SourceSetting, { source: request.source });
      await matchRun(tx, {
        runId: run.id,
        runCode: run.code,
        source: run.source,
        periodStart: run.periodStart,
        periodEnd: run.periodEnd,
        coverage: await coverageOfSource(tx, run.source, setting),
        autoOnly: run.autoOnly,
        toleranceFen: setting?.amountTolerance ?? 0,
        cutoffMinutes: deps.matching.cutoffMinutes,
        doubtfulWindowHours: deps.matching.doubtfulWindowHours,
        now,
      });
      await recordRunStatements(tx, run);
    });
  } catch (error) {
    logger().error({ err: error, run: run.code }, 'reconciliation run failed');
    await em.getConnection().execute(
      `update reconciliation_run set status = ?, error = ?, finished_at = clock_timestamp() where id = ?`,
      // Unknown failures stay in the log: the header does not show database internals.
      [
        RunStatus.FAILED,
        error instanceof AppError ? error.message.slice(0, 500) : 'internal error; see the service log',
        run.id,
      ],
    );
    throw error;
  }
  if (deps.channel) {
    try {
      await queryDoubtfulOrders(em, run.id, deps.channel);
    } catch (error) {
      // The verdicts stand; only the notes lack the channel's answers.
      logger().warn({ err: error, run: run.code }, 'querying doubtful orders failed');
    }
  }
  return em.findOneOrFail(ReconciliationRun, { id: run.id }, { refresh: true });
}
