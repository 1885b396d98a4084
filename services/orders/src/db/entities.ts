import { OutboxEvent } from '@pay/common';
import { Agent } from '../modules/merchant/agent.entity';
import { Merchant } from '../modules/merchant/merchant.entity';
import { Channel } from '../modules/channel/channel.entity';
import { MerchantChannel } from '../modules/channel/merchant-channel.entity';
import { UpstreamConfig } from '../modules/upstream/upstream-config.entity';
import { Order } from '../modules/order/order.entity';
import { OrderAudit } from '../modules/order/order-audit.entity';
import { NotifyLog } from '../modules/notification/notify-log.entity';
import { OpenApiApp } from '../modules/open-api/open-api-app.entity';

export const ordersEntities = [
  Agent,
  Merchant,
  Channel,
  MerchantChannel,
  UpstreamConfig,
  Order,
  OrderAudit,
  NotifyLog,
  OutboxEvent,
  OpenApiApp,
];
