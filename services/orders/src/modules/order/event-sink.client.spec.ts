import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { AppError } from '@pay/common';
import { httpEventSink } from './event-sink.client';

const EVENT = { id: '00000000-0000-4000-8000-000000000001', topic: 'order.paid', payload: {} };

/** Accepts connections and never answers (a paused receiver). */
async function startBlackHole() {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => sockets.size,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('httpEventSink (outbox deliveries to the ledger and reconciliation)', () => {
  let blackHole: Awaited<ReturnType<typeof startBlackHole>>;
  beforeAll(async () => {
    blackHole = await startBlackHole();
  });
  afterAll(() => blackHole.close());

  it('gives up on a receiver that never answers at the deadline, with DEPENDENCY_UNAVAILABLE', async () => {
    const sink = httpEventSink('the ledger', blackHole.url, 'internal-secret-for-tests', 300);
    const started = Date.now();
    const failure = await sink.deliver([EVENT]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    expect((failure as AppError).message).toMatch(/did not answer within 300 ms/);
  });

  it('answers DEPENDENCY_UNAVAILABLE when the receiver refuses connections', async () => {
    const closed = await startBlackHole();
    await closed.close();
    const failure = await httpEventSink('the ledger', closed.url, 'internal-secret-for-tests', 300)
      .deliver([EVENT])
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    expect((failure as AppError).message).toMatch(/could not be reached/);
  });
});
