import type { ReconciliationContext } from '../../context';
import type { Statement } from './statement.entity';

/** Statement by key, through the loader; statements are for platform roles only. */
export const statementReference = {
  __resolveReference: async (
    ref: { id: number | string },
    ctx: ReconciliationContext,
  ): Promise<Statement | null> => {
    const id = Number(ref.id);
    if (!Number.isSafeInteger(id) || ctx.actor.role === 'MERCHANT') return null;
    return ctx.loaders.statementById.load(id);
  },
};
