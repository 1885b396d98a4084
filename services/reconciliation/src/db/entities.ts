import { reconciliationModules } from '../modules';

export const reconciliationEntities = reconciliationModules.flatMap((m) => m.entities ?? []);
