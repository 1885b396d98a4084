import { DEMO_ACTORS, PlatformClient, type DemoPlatform } from './platform-client';
import type { Progress } from './progress';

const CREATE = `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { order { platformOrderNo } } }`;

export interface LiveTrafficOptions {
  platform: DemoPlatform;
  merchantIds: number[];
  /** The demo merchants' receiver (`…/notify`); `/slow` and `/broken` are appended for the odd order. */
  notifyUrl: string;
  /** Average pause between orders. */
  intervalMs?: number;
  progress?: Progress;
}

const CHANNELS: Record<number, string[]> = { 2024164: ['zfbwthf', 'wxwthf', 'swzfb'], 2023100: ['wxhftest'] };
const AMOUNTS = ['10.00', '30.00', '50.00', '100.00', '200.00'];

/**
 * A trickle of orders while the demo runs (a few a minute): created by a merchant
 * through the graph and paid through the sandbox channel, with the odd payer who walks
 * away, the odd lost callback and the odd slow or broken merchant receiver, so lists and
 * dashboards move. Returns a stop function.
 */
export function startLiveTraffic(options: LiveTrafficOptions): () => void {
  const client = new PlatformClient(options.platform);
  const interval = options.intervalMs ?? 20_000;
  let n = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    n += 1;
    const merchantId = options.merchantIds[n % options.merchantIds.length]!;
    const channels = CHANNELS[merchantId] ?? ['zfbwthf'];
    const receiver =
      n % 10 === 0
        ? `${options.notifyUrl}/broken`
        : n % 6 === 0
          ? `${options.notifyUrl}/slow`
          : options.notifyUrl;
    try {
      const { createOrder } = await client.gql<{ createOrder: { order: { platformOrderNo: string } } }>(
        CREATE,
        {
          input: {
            amount: AMOUNTS[n % AMOUNTS.length],
            channelCode: channels[n % channels.length],
            notifyUrl: receiver,
            description: '话费充值',
          },
        },
        DEMO_ACTORS.merchant(merchantId),
      );
      const no = createOrder.order.platformOrderNo;
      if (n % 8 === 0) return; // the payer walks away: the order stays pending
      const lost = n % 15 === 0 ? '?callback=lost' : '';
      await client.sandbox(`/sandbox/pay/${encodeURIComponent(no)}${lost}`, {
        method: 'POST',
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      options.progress?.(`live traffic: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    const jitter = interval * (0.5 + ((n * 37) % 100) / 100);
    timer = setTimeout(() => void tick().finally(schedule), jitter);
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
