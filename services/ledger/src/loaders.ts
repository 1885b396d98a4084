import type { EntityManager } from '@mikro-orm/postgresql';
import { moduleLoaders } from '@pay/common';
import { ledgerModules } from './modules';
import type { accountModule } from './modules/account';
import type { balanceModule } from './modules/balance';
import type { clearingModule } from './modules/clearing';
import type { postingModule } from './modules/posting';
import type { withdrawalModule } from './modules/withdrawal';

type LoadersOf<M> = M extends { loaders?: (em: EntityManager) => infer L } ? L : never;

/** A request's loaders: every module's, on the request's EntityManager. */
export type LedgerLoaders = LoadersOf<typeof accountModule> &
  LoadersOf<typeof balanceModule> &
  LoadersOf<typeof clearingModule> &
  LoadersOf<typeof postingModule> &
  LoadersOf<typeof withdrawalModule>;

export function createLedgerLoaders(em: EntityManager): LedgerLoaders {
  return moduleLoaders<LedgerLoaders>(ledgerModules, em);
}
