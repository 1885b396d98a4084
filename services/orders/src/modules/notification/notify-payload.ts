import { formatFen, fxNotifySign } from '@pay/common';
import type { Order } from '../order/order.entity';

/** The fx* notification body of the merchant API family. */
export interface NotifyPayload {
  fxid: string;
  fxddh: string;
  fxorder: string;
  fxdesc: string;
  fxfee: string;
  fxattch: string | null;
  fxstatus: number;
  fxtime: number;
  fxsign: string;
  [key: string]: string | number | null;
}

/**
 * `fxsign` = md5(fxstatus + fxid + fxddh + fxfee + merchant key), lower-case hex, as
 * merchants of this API family verify it. It covers neither a timestamp nor fxdesc or
 * fxattch, which is why the request also carries an event id header.
 */
export function buildNotifyPayload(order: Order, merchantKey: string): NotifyPayload {
  const base = {
    fxid: String(order.merchant.id),
    fxddh: order.merchantOrderNo,
    fxorder: order.platformOrderNo,
    fxdesc: order.productTitle,
    fxfee: formatFen(order.amount),
    fxattch: order.attach === '' ? null : order.attach,
    fxstatus: 1,
    fxtime: Math.floor((order.paidAt ?? new Date()).getTime() / 1000),
  };
  return { ...base, fxsign: fxNotifySign(base, merchantKey) };
}

/** The body as sent: form-encoded (nulls as empty strings) or JSON. */
export function encodeNotifyPayload(
  payload: NotifyPayload,
  style: 'FORM' | 'JSON',
): { body: string; contentType: string } {
  if (style === 'JSON') return { body: JSON.stringify(payload), contentType: 'application/json' };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(payload)) form.set(key, value === null ? '' : String(value));
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}
