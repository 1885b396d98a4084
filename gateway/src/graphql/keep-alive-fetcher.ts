import http from 'node:http';
import https from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** How long an idle connection is kept (shorter still when the subgraph announces less). */
const IDLE_SOCKET_MS = 30_000;

/**
 * The gateway's fetcher for subgraph calls: plain `node:http(s)` requests over one
 * keep-alive agent per subgraph, the answer buffered and parsed once. Apollo's default
 * (make-fetch-happen) and the global fetch (undici) both cost about a millisecond more
 * per call in stream and option plumbing, and the gateway calls its subgraphs on every
 * request. Idle connections are closed before the subgraph's announced keep-alive
 * timeout (Node's agent honours its `Keep-Alive: timeout=` hint).
 *
 * Every call has a deadline (`timeoutMs`, the whole exchange: connecting, the answer's
 * headers and its body): a timer cleared when the call settles. `AbortSignal.timeout` per
 * call left a timer behind that fired later and built a DOMException for nobody, on every
 * request the gateway forwards.
 *
 * Failures look like minipass-fetch's, which the circuit breaker recognises
 * (subgraph-data-source.ts): the deadline rejects with an error named `TimeoutError` and
 * destroys the socket, as does an aborted `signal` with its reason; a connection that
 * fails rejects with an error named `FetchError`. Nothing is retried: a subgraph call may
 * be a mutation.
 */
export function keepAliveFetcher(url: string, timeoutMs: number): { fetcher: Fetcher; close: () => void } {
  const secure = new URL(url).protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS })
    : new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  const request = secure ? https.request : http.request;
  const fetcher: Fetcher = (target, init = {}) => send(request, agent, target, init, timeoutMs);
  return { fetcher, close: () => agent.destroy() };
}

function send(
  request: typeof http.request,
  agent: http.Agent,
  url: string,
  init: FetcherRequestInit,
  timeoutMs: number,
): Promise<FetcherResponse> {
  const signal = init.signal as AbortSignal | undefined;
  return new Promise<FetcherResponse>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: http.OutgoingHttpHeaders = { ...init.headers };
    if (body) headers['content-length'] = body.length;
    const req = request(url, { method: init.method ?? 'GET', headers, agent });
    let cause: unknown;
    const stop = (reason: unknown) => {
      cause = reason;
      req.destroy(reason as Error);
    };
    const deadline = setTimeout(
      () => stop(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    const onAbort = () => stop(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
    };
    // Whichever of the request and the answer reports first; a promise settles once.
    const fail = (error: NodeJS.ErrnoException) => {
      settle();
      reject(cause ?? fetchError(url, error));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('the answer ended early'), { code: 'ECONNRESET' }));
      });
      res.on('end', () => {
        settle();
        resolve(bufferedResponse(url, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
      });
    });
    req.end(body);
  });
}

/** minipass-fetch's shape for a request that failed on the network. */
function fetchError(url: string, cause: NodeJS.ErrnoException): Error {
  const error = new Error(`request to ${url} failed, reason: ${cause.message}`, { cause });
  error.name = 'FetchError';
  Object.assign(error, { code: cause.code, errno: cause.errno, type: 'system' });
  return error;
}

function bufferedResponse(url: string, res: http.IncomingMessage, body: Buffer): FetcherResponse {
  const headers = new Headers();
  for (let i = 0; i < res.rawHeaders.length; i += 2)
    headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
  const status = res.statusCode ?? 0;
  let bodyUsed = false;
  const take = () => {
    if (bodyUsed) return Promise.reject(new TypeError('body used already'));
    bodyUsed = true;
    return Promise.resolve(body);
  };
  const response: FetcherResponse = {
    get bodyUsed() {
      return bodyUsed;
    },
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText: res.statusMessage ?? '',
    headers,
    arrayBuffer: () => take().then(ownArrayBuffer),
    text: () => take().then((b) => b.toString('utf8')),
    json: () => take().then((b) => JSON.parse(b.toString('utf8')) as unknown),
    clone: () => bufferedResponse(url, res, body),
  };
  return response;
}

/**
 * The body's bytes as an ArrayBuffer: the Buffer's own when it spans all of it (a
 * concatenated or single read's body does), else a copy. A 25 KB page copied twice more per
 * call was a visible share of the gateway's allocation and page faults.
 */
function ownArrayBuffer(b: Buffer): ArrayBuffer {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength
    ? (b.buffer as ArrayBuffer)
    : (b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}
