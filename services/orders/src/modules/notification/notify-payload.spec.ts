import { createHash } from 'node:crypto';
import type { Order } from '../order/order.entity';
import { buildNotifyPayload, encodeNotifyPayload } from './notify-payload';

const KEY = 'merchant-key-0123456789abcdef';
const PAID_AT = new Date('2025-11-16T15:14:50.999Z');

function order(overrides: Record<string, unknown> = {}): Order {
  return {
    merchant: { id: 10086 },
    merchantOrderNo: 'M202511160001',
    platformOrderNo: 'H25111623144996156788',
    productTitle: '会员充值',
    amount: 8850,
    attach: 'user=42&note=vip',
    paidAt: PAID_AT,
    ...overrides,
  } as unknown as Order;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

describe('buildNotifyPayload', () => {
  it('renders the fx fields', () => {
    const payload = buildNotifyPayload(order(), KEY);
    expect(payload).toEqual({
      fxid: '10086',
      fxddh: 'M202511160001',
      fxorder: 'H25111623144996156788',
      fxdesc: '会员充值',
      fxfee: '88.50',
      fxattch: 'user=42&note=vip',
      fxstatus: 1,
      fxtime: 1763306090,
      fxsign: md5(`110086M20251116000188.50${KEY}`),
    });
  });

  it('signs md5(fxstatus + fxid + fxddh + fxfee + key) in lower-case hex', () => {
    const payload = buildNotifyPayload(order({ amount: 1 }), KEY);
    expect(payload.fxfee).toBe('0.01');
    expect(payload.fxsign).toBe(md5(`1${payload.fxid}${payload.fxddh}0.01${KEY}`));
    expect(payload.fxsign).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes the sign with the key and the amount', () => {
    const base = buildNotifyPayload(order(), KEY).fxsign;
    expect(buildNotifyPayload(order(), `${KEY}x`).fxsign).not.toBe(base);
    expect(buildNotifyPayload(order({ amount: 8851 }), KEY).fxsign).not.toBe(base);
  });

  it('sends an empty attach as null', () => {
    expect(buildNotifyPayload(order({ attach: '' }), KEY).fxattch).toBeNull();
  });

  it('renders fxtime as Unix seconds of the payment', () => {
    expect(buildNotifyPayload(order({ paidAt: new Date(1763306090000) }), KEY).fxtime).toBe(1763306090);
  });
});

describe('encodeNotifyPayload', () => {
  it('form-encodes, nulls as empty strings', () => {
    const payload = buildNotifyPayload(order({ attach: '' }), KEY);
    const { body, contentType } = encodeNotifyPayload(payload, 'FORM');
    expect(contentType).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(body);
    expect(Object.fromEntries(form)).toEqual({
      fxid: '10086',
      fxddh: 'M202511160001',
      fxorder: 'H25111623144996156788',
      fxdesc: '会员充值',
      fxfee: '88.50',
      fxattch: '',
      fxstatus: '1',
      fxtime: '1763306090',
      fxsign: payload.fxsign,
    });
    expect(body).toContain('fxattch=&');
  });

  it('escapes reserved characters in form values', () => {
    const { body } = encodeNotifyPayload(buildNotifyPayload(order(), KEY), 'FORM');
    expect(body).toContain('fxattch=user%3D42%26note%3Dvip');
    expect(new URLSearchParams(body).get('fxattch')).toBe('user=42&note=vip');
  });

  it('sends JSON with null kept and numbers as numbers', () => {
    const payload = buildNotifyPayload(order({ attach: '' }), KEY);
    const { body, contentType } = encodeNotifyPayload(payload, 'JSON');
    expect(contentType).toBe('application/json');
    const parsed = JSON.parse(body) as Record<string, unknown>;
    expect(parsed).toEqual(payload);
    expect(parsed.fxattch).toBeNull();
    expect(parsed.fxstatus).toBe(1);
    expect(parsed.fxfee).toBe('88.50');
  });
});
