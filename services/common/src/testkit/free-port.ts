import { createServer } from 'node:net';

// Ports are picked below the kernel's ephemeral range (32768–60999 here), where no
// outgoing connection takes one as its local port: a port the OS hands out for
// `listen(0)` is released before the process it is meant for binds it, and in that
// window any connection of a parallel test could be given it (seen in CI: a service of
// `npm start` failing with EADDRINUSE).
const FIRST = 20_000;
const LAST = 32_767;
const handedOut = new Set<number>();

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port nothing listens on, not handed out before by this process, for a child to bind. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = FIRST + Math.floor(Math.random() * (LAST - FIRST + 1));
    if (handedOut.has(port)) continue;
    // Taken before the probe, so calls made together never get the same port.
    handedOut.add(port);
    if (await bindable(port)) return port;
    handedOut.delete(port);
  }
  throw new Error(`no free port between ${FIRST} and ${LAST}`);
}
