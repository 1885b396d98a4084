import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { ACTOR_HEADER, signActorHeader } from '../auth/actor-header';
import { AppError } from '../errors/app-error';
import { isErrorCode } from '../errors/error-codes';
import { logger, requestIdHeader } from '../logging/logger';

/**
 * One internal endpoint: its path and the schemas of its request body and its answer.
 * Both sides use the same contract (services/common/src/internal/*.contract.ts): the
 * caller validates what it sends, the owner what it receives.
 */
export interface InternalContract {
  /** Express-style: `:name` segments are filled from the call's `params`. */
  path: string;
  request: z.ZodTypeAny;
  answer: z.ZodTypeAny;
}

/**
 * A request body checked against its contract: BAD_USER_INPUT naming each offending field
 * otherwise. The owner answers with it on receipt; the client throws the same before
 * sending, so a body the owner would refuse never travels.
 */
export function parseInternalRequest<C extends InternalContract>(
  contract: C,
  input: unknown,
): z.output<C['request']> {
  const parsed = contract.request.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new AppError('BAD_USER_INPUT', message);
  }
  return parsed.data as z.output<C['request']>;
}

/** A refusal the owner answers with a 4xx: its error code and message. */
const refusal = z.object({ code: z.string(), message: z.string().optional() });

export interface InternalClientOptions {
  /** Whom the messages name ("the ledger"). */
  service: string;
  /** The owner's base URL; null: not configured, every call is DEPENDENCY_UNAVAILABLE. */
  baseUrl: string | null;
  /** The signed actor the calls carry (a SYSTEM service actor). */
  caller: Actor;
  internalSecret: string;
  /** Deadline of one call (connecting, the answer and its body). */
  timeoutMs: number;
  /**
   * How a call travels; the global fetch under `timeoutMs` by default. A caller on a hot
   * path passes its kept-alive connections (the gateway's signature verdicts), which must
   * keep the same deadline.
   */
  transport?: InternalTransport;
}

/** One HTTP exchange of the internal client: a JSON POST, answered with a status and a body. */
export type InternalTransport = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json: () => Promise<unknown> }>;

const fetchTransport =
  (timeoutMs: number): InternalTransport =>
  (url, init) =>
    fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });

/**
 * The one client of the services' internal endpoints: a JSON POST with the signed actor
 * header and the request id, under a deadline. The body is checked against the
 * contract before it is sent (BAD_USER_INPUT, as the owner would answer); a 200
 * answer must match the contract's answer; a 4xx refusal with a known error code
 * keeps it; anything else — no answer in time, no connection, a 5xx, our own
 * credentials refused (401: a deployment fault), a malformed answer — is
 * DEPENDENCY_UNAVAILABLE naming the service.
 */
export function createInternalClient(options: InternalClientOptions) {
  const base = options.baseUrl?.replace(/\/+$/, '') ?? null;
  const transport = options.transport ?? fetchTransport(options.timeoutMs);
  const unavailable = (why: string) =>
    new AppError('DEPENDENCY_UNAVAILABLE', `${options.service} ${why}; nothing may be assumed done`);

  return async function call<C extends InternalContract>(
    contract: C,
    body: z.input<C['request']>,
    params: Record<string, string | number> = {},
  ): Promise<z.output<C['answer']>> {
    if (!base) throw unavailable('is not configured');
    const checked = parseInternalRequest(contract, body);
    const path = contract.path.replace(/:(\w+)/g, (_, name: string) => {
      if (params[name] === undefined) throw new Error(`${contract.path}: no value for :${name}`);
      return encodeURIComponent(String(params[name]));
    });
    let status: number;
    let payload: unknown;
    try {
      const response = await transport(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ACTOR_HEADER]: signActorHeader(options.caller, options.internalSecret),
          ...requestIdHeader(),
        },
        body: JSON.stringify(checked),
      });
      status = response.status;
      payload = await response.json().catch(() => null);
    } catch (error) {
      logger().warn({ err: error, path: contract.path }, `${options.service} unreachable`);
      throw unavailable(
        (error as Error).name === 'TimeoutError'
          ? `did not answer within ${options.timeoutMs} ms`
          : 'could not be reached',
      );
    }
    if (status === 200) {
      const answer = contract.answer.safeParse(payload);
      if (answer.success) return answer.data as z.output<C['answer']>;
      logger().error({ path: contract.path, payload }, `${options.service} answered in an unexpected shape`);
      throw unavailable('answered in an unexpected shape');
    }
    const refused = refusal.safeParse(payload);
    if (
      status >= 400 &&
      status < 500 &&
      status !== 401 &&
      refused.success &&
      isErrorCode(refused.data.code)
    ) {
      throw new AppError(refused.data.code, refused.data.message);
    }
    logger().warn({ path: contract.path, status, payload }, `${options.service} failed a call`);
    throw unavailable('did not answer');
  };
}

export type InternalCall = ReturnType<typeof createInternalClient>;
