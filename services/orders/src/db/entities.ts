import { ordersModules } from '../modules';

export const ordersEntities = ordersModules.flatMap((m) => m.entities ?? []);
