import { settlementModule } from '../modules/settlement';
import { billingModule } from '../modules/billing';

export const settlementEntities = [...settlementModule.entities, ...billingModule.entities];
