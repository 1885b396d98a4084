import { wrap } from '@mikro-orm/core';
import type { OrdersLoaders } from '../../loaders';
import { Merchant } from '../merchant/merchant.entity';
import { Channel } from '../channel/channel.entity';
import { UpstreamConfig } from '../upstream/upstream-config.entity';
import type { OrderRecord } from './order.query';

/** Which references a page's node fields reach (ORDER_FIELD_READS names the same). */
const REFERENCE_FIELDS = {
  merchant: ['merchant'],
  channel: ['channel', 'payType'],
  upstreamConfig: ['upstreamConfig'],
} as const;

/**
 * Loads a page's merchants, channels and upstream configs before the page is answered —
 * each still one batched statement through the request's loaders — and sets them on the
 * records in place of their keys, so each node's reference fields answer at once: left to
 * the field resolvers, a 100-order page made graphql-js await two promises per node and
 * gather every node's fields through promises (a tenth of the page's time).
 */
export async function loadPageReferences(
  loaders: Pick<OrdersLoaders, 'merchant' | 'channel' | 'upstreamConfig'>,
  items: OrderRecord[],
  fields: ReadonlySet<string>,
): Promise<void> {
  const asks = (names: readonly string[]) => names.some((name) => fields.has(name));
  await Promise.all([
    asks(REFERENCE_FIELDS.merchant) &&
      loaders.merchant.loadMany(items.map((o) => o.merchant.id)).then((merchants) =>
        merchants.forEach((merchant, i) => {
          if (merchant instanceof Merchant) items[i].merchant = merchant;
        }),
      ),
    asks(REFERENCE_FIELDS.channel) &&
      loaders.channel.loadMany(items.map((o) => o.channel.code)).then((channels) =>
        channels.forEach((channel, i) => {
          if (channel instanceof Channel) items[i].channel = channel;
        }),
      ),
    asks(REFERENCE_FIELDS.upstreamConfig) &&
      loaders.upstreamConfig.loadMany(items.map((o) => o.upstreamConfig.pzid)).then((configs) =>
        configs.forEach((config, i) => {
          if (config instanceof UpstreamConfig) items[i].upstreamConfig = config;
        }),
      ),
  ]);
}

/**
 * The reference itself when it is a loaded entity of `type` (set by loadPageReferences,
 * or an Order entity's initialised relation); undefined when only its key is known.
 */
export function loadedReference<T extends object>(
  reference: object,
  type: abstract new (...args: never[]) => T,
): T | undefined {
  return reference instanceof type && wrap(reference).isInitialized() ? reference : undefined;
}
