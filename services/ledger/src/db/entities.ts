import { ledgerModules } from '../modules';

export const ledgerEntities = ledgerModules.flatMap((m) => m.entities ?? []);
