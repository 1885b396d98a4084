import { CHINA_TIME_ZONE } from '@pay/common';
import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import { LedgerHealthResolver } from './ledger-health.resolver';
import { runScheduledVerification } from './ledger-verify';
import './registered-checks';

const VERIFY_QUEUE = 'ledger-verify';

/** The ledger's invariant check: on a schedule (drift as a metric and a log line) and on demand (`ledgerHealth`). */
export const verifyModule: ServiceModule<LedgerRuntime> = {
  resolvers: [LedgerHealthResolver],
  queues: [VERIFY_QUEUE],
  startWorkers: async (runtime) => {
    await runtime.jobs.schedule(VERIFY_QUEUE, runtime.config.verifyCron, {}, { tz: CHINA_TIME_ZONE });
    await runtime.jobs.work(VERIFY_QUEUE, async () => {
      await runScheduledVerification(runtime.orm.em.fork());
    });
  },
};
