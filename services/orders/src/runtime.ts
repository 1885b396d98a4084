import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobQueue, OutboxRelay } from '@pay/common';
import type { OrdersConfig } from './config';
import type { SandboxKeys } from './modules/sandbox/sandbox-keys';
import type { EventSink } from './modules/order/event-sink.client';

/** Long-lived collaborators of the orders service, shared by requests and jobs. */
export interface OrdersRuntime {
  orm: MikroORM;
  config: OrdersConfig;
  jobs: JobQueue;
  relay: OutboxRelay;
  sandboxKeys: SandboxKeys;
  /** The ledger, when configured: money-moving events go there and reversals ask it first. */
  ledger: EventSink | null;
  /** Base URL payers and channels reach this service at; known once it listens. */
  publicUrl: string;
}
