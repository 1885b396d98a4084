import type { Router } from 'express';
import type { Constructor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReferenceResolvers } from '@pay/common';
import type { SettlementRuntime } from '../context';

/** What one part of the settlement service (settlements, billing) contributes to it. */
export interface SettlementServiceModule<L extends object = object> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own resolver type
  resolvers: Function[];
  /** Types reached only through federation (stub entities extended here). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  entities: Constructor[];
  references?: ReferenceResolvers;
  /** Job queues this module works. */
  queues: string[];
  /** Internal and public HTTP routes (uploads, notifications). */
  routes?: (runtime: SettlementRuntime) => Router;
  /** Schedules and workers, started once the server listens. */
  startWorkers?: (runtime: SettlementRuntime) => Promise<void>;
  /** Per-request DataLoaders. */
  loaders: (em: EntityManager) => L;
}
