import { isPlatformRole } from '@pay/common';
import type { ReconciliationContext } from '../../context';
import { ReconciliationIssue } from './reconciliation-issue';

const idOf = (ref: { id?: unknown }): number | null => {
  const id = Number(ref.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** Runs, results and discrepancies by key: platform roles only (they span merchants). */
export const matchingReferences = {
  ReconciliationRun: {
    __resolveReference: async (ref: { id?: unknown }, ctx: ReconciliationContext) => {
      const id = idOf(ref);
      return id && isPlatformRole(ctx.actor) ? ctx.loaders.runById.load(id) : null;
    },
  },
  ReconciliationResult: {
    __resolveReference: async (ref: { id?: unknown }, ctx: ReconciliationContext) => {
      const id = idOf(ref);
      return id && isPlatformRole(ctx.actor) ? ctx.loaders.resultById.load(id) : null;
    },
  },
  Discrepancy: {
    __resolveReference: async (ref: { id?: unknown }, ctx: ReconciliationContext) => {
      const id = idOf(ref);
      const result = id && isPlatformRole(ctx.actor) ? await ctx.loaders.resultById.load(id) : null;
      return result && result.issue !== ReconciliationIssue.NORMAL ? result : null;
    },
  },
};
