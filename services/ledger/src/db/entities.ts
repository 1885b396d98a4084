import { Account } from '../modules/account/account.entity';
import { Posting } from '../modules/posting/posting.entity';
import { Leg } from '../modules/posting/leg.entity';

export const ledgerEntities = [Account, Posting, Leg];
