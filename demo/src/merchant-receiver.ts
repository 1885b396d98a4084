import { createServer, type Server } from 'node:http';

export interface DemoMerchantReceiver {
  url: string;
  /** Notifications received, by path. */
  received: Map<string, number>;
  close: () => Promise<void>;
}

/**
 * The demo merchants' notification endpoint, a real HTTP server: `/notify` answers
 * `success` at once, `/notify/slow` after a few seconds, `/notify/broken` with an
 * error (so the platform's retries and failed notifications have something to show).
 */
export async function startDemoMerchantReceiver(
  port: number,
  host = '127.0.0.1',
): Promise<DemoMerchantReceiver> {
  const received = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    req.resume();
    req.on('end', () => {
      received.set(path, (received.get(path) ?? 0) + 1);
      if (path === '/notify/broken') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('fail');
        return;
      }
      const answer = () => res.writeHead(200, { 'content-type': 'text/plain' }).end('success');
      if (path === '/notify/slow') setTimeout(answer, 4000);
      else answer();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}/notify`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
