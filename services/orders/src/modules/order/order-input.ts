import { AppError, amountArgument } from '@pay/common';
import type { OrderRequestParameters } from './order-request-parameters.type';
import type { CreateOrderCommand } from './order.commands';
import { NotifyStyle } from './order.entity';

const DEFAULT_URL = 'https://example.com';
const DEFAULT_DESCRIPTION = '商品支付';
const MERCHANT_ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/;

/** Checks an optional text argument against a length limit; BAD_USER_INPUT names it. */
export function text(value: string | null | undefined, name: string, max: number): string | null {
  if (value == null) return null;
  if (value.length > max)
    throw new AppError('BAD_USER_INPUT', `${name} must be at most ${max} characters`, {
      argument: name,
      max,
    });
  return value;
}

function httpUrl(
  value: string | null | undefined,
  name: string,
  code: 'INVALID_NOTIFY_URL' | 'BAD_USER_INPUT',
): string {
  const url = text(value, name, 500) || DEFAULT_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError(code, `${name} is not a valid URL`, { argument: name });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppError(code, `${name} must be an http(s) URL`, { argument: name });
  }
  return url;
}

/** Parses a positive yuan amount; INVALID_AMOUNT otherwise. */
export const parseOrderAmount = (value: string, argument = 'amount'): number =>
  amountArgument(value, argument);

/** A create-order command checked and completed with its defaults. */
export interface OrderInput {
  /** Fen. */
  amount: number;
  /** The merchant's own order number, or null to generate one. */
  merchantOrderNo: string | null;
  channelCode: string | null;
  notifyUrl: string;
  returnUrl: string;
  description: string;
  attach: string;
  clientIp: string;
  orderStyle: number;
  notifyStyle: NotifyStyle;
  cashier: boolean;
  storeId: string | null;
  cashierId: string | null;
  deviceNo: string | null;
  /** The request's own parameters, as given. */
  requestParameters: OrderRequestParameters;
  at: Date;
}

/**
 * Checks a command's every argument (BAD_USER_INPUT naming it, INVALID_AMOUNT,
 * INVALID_NOTIFY_URL) before anything is read or written, and fills in the defaults.
 */
export function orderInput(command: CreateOrderCommand): OrderInput {
  const amount = parseOrderAmount(command.amount);
  const merchantOrderNo = command.merchantOrderNo?.trim() || null;
  if (merchantOrderNo !== null && !MERCHANT_ORDER_NO.test(merchantOrderNo)) {
    throw new AppError('BAD_USER_INPUT', 'merchant order number must be 1-64 letters, digits, _ or -', {
      argument: 'merchantOrderNo',
    });
  }
  const notifyUrl = httpUrl(command.notifyUrl, 'notifyUrl', 'INVALID_NOTIFY_URL');
  const returnUrl = httpUrl(command.returnUrl, 'returnUrl', 'BAD_USER_INPUT');
  const description = text(command.description, 'description', 200) || DEFAULT_DESCRIPTION;
  const attach = text(command.attach, 'attach', 500) ?? '';
  const clientIp = text(command.clientIp, 'clientIp', 64) || command.requestIp;
  const orderStyle = command.orderStyle ?? 0;
  if (![0, 1, 2, 3, 4].includes(orderStyle)) {
    throw new AppError('BAD_USER_INPUT', 'orderStyle must be 0-4', { argument: 'orderStyle' });
  }
  const notifyStyle = command.notifyStyle === 'JSON' ? NotifyStyle.JSON : NotifyStyle.FORM;
  return {
    amount,
    merchantOrderNo,
    channelCode: text(command.channelCode, 'channelCode', 32),
    notifyUrl,
    returnUrl,
    description,
    attach,
    clientIp,
    orderStyle,
    notifyStyle,
    cashier: command.cashier ?? false,
    storeId: text(command.storeId, 'storeId', 32),
    cashierId: text(command.cashierId, 'cashierId', 32),
    deviceNo: text(command.deviceNo, 'deviceNo', 64),
    requestParameters: {
      description,
      attach: attach || null,
      notifyUrl,
      returnUrl,
      clientIp,
      bankCode: text(command.bankCode, 'bankCode', 32),
      paymentMethod: text(command.paymentMethod, 'paymentMethod', 32),
      subUserId: text(command.subUserId, 'subUserId', 64),
      notifyStyle: notifyStyle === NotifyStyle.JSON ? '2' : '1',
      signString: text(command.signString, 'signString', 8) ?? '',
      jumpFlag: text(command.jumpFlag, 'jumpFlag', 32),
    },
    at: command.at ?? new Date(),
  };
}
