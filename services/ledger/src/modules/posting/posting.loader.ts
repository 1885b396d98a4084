import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { KeysetWindow } from '@pay/common';
import type { Leg } from './leg.entity';
import type { Posting } from './posting.entity';
import {
  legsOfPostings,
  moneyLogPages,
  postingsByIds,
  postingsOfOrders,
  type MoneyLogFilter,
  type MoneyLogOwner,
  type MoneyLogPage,
} from './posting.query';

/** Postings, their legs, the postings of orders and pages of money logs, batched per request. */
export function createPostingLoaders(em: EntityManager) {
  const pageLoaders = new Map<string, DataLoader<number, MoneyLogPage>>();
  return {
    postingById: new DataLoader<number, Posting | null>((ids) => postingsByIds(em, ids)),
    legsByPostingId: new DataLoader<number, Leg[]>((ids) => legsOfPostings(em, ids)),
    postingsByPlatformOrderNo: new DataLoader<string, Posting[]>((nos) => postingsOfOrders(em, nos)),
    /** One loader per (owner kind, filter, page): the keys are merchant or account ids. */
    moneyLogPage(owner: MoneyLogOwner, filter: MoneyLogFilter, window: KeysetWindow, total: boolean) {
      const key = JSON.stringify([owner, filter, window.offset, window.limit, window.after, total]);
      let loader = pageLoaders.get(key);
      if (!loader) {
        loader = new DataLoader<number, MoneyLogPage>((ids) =>
          moneyLogPages(em, owner, ids, filter, window, { total }),
        );
        pageLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
