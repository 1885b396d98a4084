import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import { clearingEntities } from './clearing.entities';
import { createClearingLoaders, type ClearingLoaders } from './clearing.loader';
import { mainAccountReference } from './clearing.reference';
import { clearingResolvers } from './clearing.resolver';
import { clearingSignatureRoutes } from './clearing-signature.routes';

/** Clearing from main accounts to child accounts (account-clearing.md); its loaders sit under `loaders.clearing`. */
export const clearingModule: ServiceModule<LedgerRuntime, { clearing: ClearingLoaders }> = {
  resolvers: [...clearingResolvers],
  entities: [...clearingEntities],
  references: { MainAccount: mainAccountReference },
  routes: (runtime) => clearingSignatureRoutes(runtime.orm, runtime.config.auth.internalSecret),
  loaders: (em) => ({ clearing: createClearingLoaders(em) }),
};
