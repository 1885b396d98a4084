import type { Actor } from '@pay/common';

/** What `/createorder` and `createOrder` accept, already named in the domain's words. */
export interface CreateOrderCommand {
  merchantId: number;
  merchantOrderNo?: string | null;
  /** Yuan with at most two decimals, as text. */
  amount: string;
  channelCode?: string | null;
  notifyUrl?: string | null;
  returnUrl?: string | null;
  description?: string | null;
  attach?: string | null;
  clientIp?: string | null;
  orderStyle?: number | null;
  cashier?: boolean | null;
  notifyStyle?: 'FORM' | 'JSON' | null;
  bankCode?: string | null;
  paymentMethod?: string | null;
  subUserId?: string | null;
  signString?: string | null;
  jumpFlag?: string | null;
  storeId?: string | null;
  cashierId?: string | null;
  deviceNo?: string | null;
  /** The caller's IP as the HTTP layer saw it; the default for clientIp. */
  requestIp: string;
  actor: Actor;
  /** When the order was placed (default now); only the demo seed, replaying past days, sets it. */
  at?: Date;
}

/** Identifies one order: by platform order number, or by merchant order number within a merchant. */
export interface OrderRef {
  merchantId?: number | null;
  merchantOrderNo?: string | null;
  platformOrderNo?: string | null;
}
