import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

const REDACT = {
  paths: ['*.key', '*.secret', '*.password', 'req.headers.authorization', '*.signingKey'],
  censor: '[redacted]',
};

let root: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { service: 'payoffice' },
  redact: REDACT,
});

/** A request's id, and its logger once something asks for it. */
interface RequestScope {
  requestId: string;
  log?: Logger;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * The scope's logger, a child of the root logger carrying the request id, made when first
 * asked for: made for every request, it cost a subgraph ~3 % of a request's CPU even when
 * nothing was logged.
 */
const scopeLogger = (scope: RequestScope): Logger =>
  (scope.log ??= root.child({ requestId: scope.requestId }));

/**
 * Re-creates the root logger for a service (name, level); called once at start-up.
 * `destination`: where lines go (standard output by default).
 */
export function configureLogger(options: {
  service: string;
  level: string;
  destination?: DestinationStream;
}): Logger {
  const settings = { level: options.level, base: { service: options.service }, redact: REDACT };
  root = options.destination ? pino(settings, options.destination) : pino(settings);
  return root;
}

/** The current request's logger (carrying its request id), else the root logger. */
export function logger(): Logger {
  const scope = requestScope.getStore();
  return scope ? scopeLogger(scope) : root;
}

/** The current request's logger for later, outside its async context (a response's `finish`). */
export function requestLogger(): () => Logger {
  const scope = requestScope.getStore();
  return scope ? () => scopeLogger(scope) : () => root;
}

/** Whether lines of `level` are written (before building one that costs something). */
export function logsAt(level: pino.Level): boolean {
  return root.isLevelEnabled(level);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** The header that carries the current request's id to another process (none outside a request). */
export function requestIdHeader(): Record<string, string> {
  const id = currentRequestId();
  return id ? { 'x-request-id': id } : {};
}

/** Runs `fn` with a logger bound to `requestId` (a new one when absent). */
export function withRequestId<T>(requestId: string | undefined, fn: () => T): T {
  const id = requestId && /^[\w.-]{1,100}$/.test(requestId) ? requestId : randomUUID();
  return requestScope.run({ requestId: id }, fn);
}
