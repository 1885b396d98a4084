import { openTestServiceDatabase } from '@pay/common';
import { ordersEntities } from '../../src/db/entities';
import { ordersMigrations } from '../../src/db/migrations';

/** A fresh database with the orders schema migrated, for one test file. */
export const openTestOrdersDatabase = () =>
  openTestServiceDatabase({ schema: 'orders', entities: ordersEntities, migrations: ordersMigrations });
