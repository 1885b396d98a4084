import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type Actor } from '@pay/common';
import { MainAccount } from './main-account/main-account.entity';

/** Whether an actor may see and act on a main account: platform roles always, a merchant only on its own. */
export function canAccessMainAccount(actor: Actor, main: MainAccount): boolean {
  return actor.role !== 'MERCHANT' || (main.merchantId !== null && main.merchantId === actor.merchantId);
}

export function assertMainAccountAccess(actor: Actor, main: MainAccount): void {
  if (!canAccessMainAccount(actor, main))
    throw new AppError('FORBIDDEN', 'a merchant may only use its own main accounts');
}

export interface MainAccountRef {
  id?: number | null;
  unionId?: string | null;
  mainAccountUid?: number | null;
}

/** Finds a main account by exactly one of id, unionId or mainAccountUid; null when there is none. */
export async function findMainAccount(em: EntityManager, ref: MainAccountRef): Promise<MainAccount | null> {
  const given = [ref.id, ref.unionId, ref.mainAccountUid].filter((v) => v != null && v !== '');
  if (given.length !== 1)
    throw new AppError('BAD_USER_INPUT', 'give exactly one of mainAccountId, unionId or mainAccountUid', {
      argument: 'mainAccountId',
    });
  if (ref.id != null) return em.findOne(MainAccount, { id: ref.id });
  if (ref.unionId != null && ref.unionId !== '') return em.findOne(MainAccount, { unionId: ref.unionId });
  return em.findOne(MainAccount, { mainAccountUid: ref.mainAccountUid! });
}

/** The main account a command or list names: NOT_FOUND when missing, FORBIDDEN when not the caller's. */
export async function requireMainAccount(
  em: EntityManager,
  actor: Actor,
  ref: MainAccountRef,
): Promise<MainAccount> {
  const main = await findMainAccount(em, ref);
  if (!main) throw new AppError('NOT_FOUND', '主账户不存在');
  assertMainAccountAccess(actor, main);
  return main;
}
