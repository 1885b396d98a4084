import type { EntityManager } from '@mikro-orm/postgresql';
import { MainAccount } from '../main-account/main-account.entity';
import { ChildAccount } from './child-account.entity';
import { checkPhone, checkText } from '../clearing-rules';
import { createOnce, type Created } from '../clearing-commands';

/** Adds a child account; adding a phone that is there already returns that child (`created: false`). */
export async function addChildAccount(
  em: EntityManager,
  main: MainAccount,
  input: { phone: string; name?: string | null },
): Promise<Created<ChildAccount>> {
  const phone = checkPhone(input.phone);
  const name = checkText(input.name, 'name', 100);
  return createOnce(
    em,
    () => em.findOne(ChildAccount, { mainAccount: main.id, phone }),
    () => true,
    async (tx) => {
      const child = tx.create(ChildAccount, {
        mainAccount: tx.getReference(MainAccount, main.id),
        phone,
        name,
      });
      await tx.flush();
      return child;
    },
  );
}
