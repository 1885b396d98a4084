import type { StatementTemplate } from '../statement-template';
import { alipayTradeBillTemplate } from './alipay-trade-bill.template';
import { wechatTradeBillTemplate } from './wechat-trade-bill.template';

/**
 * Statement sources with a built-in template. The sandbox upstream produces its files in
 * the real channels' formats, so its sources use the same templates. Operators cannot
 * register templates under these names.
 */
export const BUILT_IN_SOURCES: Readonly<Record<string, StatementTemplate>> = {
  wechat: wechatTradeBillTemplate,
  alipay: alipayTradeBillTemplate,
  'sandbox-wechat': wechatTradeBillTemplate,
  'sandbox-alipay': alipayTradeBillTemplate,
};
