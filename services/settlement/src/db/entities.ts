import { settlementModules } from '../modules';

export const settlementEntities = settlementModules.flatMap((m) => m.entities ?? []);
