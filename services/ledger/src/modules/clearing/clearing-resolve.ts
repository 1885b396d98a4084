// What the clearing resolvers share: the page size and how a request's main account is found.
import type { LedgerContext } from '../../context';
import { MainAccount } from './main-account/main-account.entity';
import { requireMainAccount } from './clearing-access';
import { parseId } from './clearing-rules';

/** Every list of the account-clearing API pages by 100 (`page`), as the spec says. */
export const PAGE = { defaultSize: 100, max: 100 };

/** The main account a list names, by id or unionId: NOT_FOUND when missing, FORBIDDEN when not the caller's. */
export function mainAccountOf(
  ctx: LedgerContext,
  args: { mainAccountId?: string | null; unionId?: string | null },
) {
  return requireMainAccount(ctx.em, ctx.actor, {
    id: args.mainAccountId != null ? parseId(args.mainAccountId, 'mainAccountId') : null,
    unionId: args.unionId?.trim() || null,
  });
}

export function mainAccountById(ctx: LedgerContext, mainAccountId: string) {
  return requireMainAccount(ctx.em, ctx.actor, { id: parseId(mainAccountId, 'mainAccountId') });
}

export async function loadMainAccount(ctx: LedgerContext, id: number): Promise<MainAccount> {
  return (await ctx.loaders.clearing.mainAccountById.load(id))!;
}
