import { Payment } from '../modules/payment/payment.entity';

export const reconciliationEntities = [Payment];
