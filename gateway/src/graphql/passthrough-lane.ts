import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import { currentRequestId, type Actor, type FrontLane } from '@pay/common';
import { withClientIp } from '../auth/client-ip';
import type { TokenVerifier } from '../auth/token-verifier';
import { sendGraphqlRateLimited, graphqlRateKey } from '../rate-limits/graphql-rate-limits';
import type { RateLimits } from '../rate-limits/rate-limits';
import { plainRequest, type SingleSubgraphPassthrough } from './single-subgraph-passthrough';

/** Set on `res.locals` by the lane: the request is authenticated and counted already. */
export interface LaneLocals {
  actor?: Actor;
  /** The request was counted against the actor's rate limit (the chain must not count it again). */
  rateCounted?: boolean;
}

/** A failure body-parser would have raised; `graphqlBodyErrorHandler` answers it. */
const bodyError = (status: number, type: string) => Object.assign(new Error(type), { status, type });

/**
 * `/graphql`'s common request — a JSON POST with a bearer token — in front of express
 * (`FrontLane`): it reads and parses the body itself (what `express.json` would refuse
 * goes to the same error handler), verifies the token, counts the request against the
 * actor's rate limit (answering 429 itself), and sends a query one subgraph answers whole
 * through the single-subgraph passthrough. Anything else goes on to express's `/graphql`
 * chain with the body parsed and, when they happened, the actor set and the request
 * counted: the chain's own authentication, limit and body parser then stand aside, and
 * Apollo Server answers (a failed passthrough call as DEPENDENCY_UNAVAILABLE, without a
 * second call). Express's router and the five middleware steps skipped here cost the
 * gateway ~0.7 ms of CPU a request; the passthrough exists to add almost nothing to a
 * subgraph's answer.
 */
export function passthroughLane(options: {
  passthrough: SingleSubgraphPassthrough;
  tokens: TokenVerifier;
  limits: RateLimits;
  maxBodyBytes: number;
}): FrontLane {
  return {
    takes(req: IncomingMessage): boolean {
      const length = Number(req.headers['content-length']);
      return (
        req.method === 'POST' &&
        (req.url === '/graphql' || req.url?.startsWith('/graphql?') === true) &&
        bearer(req.headers.authorization) !== null &&
        isPlainJson(req.headers['content-type']) &&
        req.headers['content-encoding'] === undefined &&
        Number.isInteger(length) &&
        length <= options.maxBodyBytes
      );
    },
    async handle(req: Request, res: Response, next: (error?: unknown) => void): Promise<void> {
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req, Number(req.headers['content-length']))).toString('utf8'));
      } catch (error) {
        return next((error as { status?: unknown }).status ? error : bodyError(400, 'entity.parse.failed'));
      }
      // express.json's strict mode: an object or an array, nothing else.
      if (typeof body !== 'object' || body === null) return next(bodyError(400, 'entity.parse.failed'));
      // The rest of the chain finds the body parsed (body-parser skips a request with `_body`).
      Object.assign(req, { body, _body: true });
      let actor: Actor;
      try {
        actor = withClientIp(await options.tokens.verify(bearer(req.headers.authorization)!), req);
      } catch {
        return next(); // `authenticate` answers the refusal, as for any request.
      }
      const locals = res.locals as LaneLocals;
      locals.actor = actor;
      const retryAfter = await options.limits.hit('actor', graphqlRateKey(actor, req));
      locals.rateCounted = true;
      if (retryAfter !== null) return sendGraphqlRateLimited(res, retryAfter);
      const request = plainRequest(body);
      if (!request) return next();
      const outcome = await options.passthrough.send(request, { actor, requestId: currentRequestId() ?? '' });
      if (outcome.kind === 'failed') res.locals.subgraphFailure = outcome.failure;
      if (outcome.kind !== 'answered') return next();
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': outcome.body.length,
      });
      res.end(outcome.body);
    },
  };
}

function bearer(header: string | undefined): string | null {
  if (!header || header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') return null;
  const token = header.slice(7).trim();
  return token === '' ? null : token;
}

/** `application/json`, with no charset or UTF-8 (what the lane decodes). */
function isPlainJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.toLowerCase().split(';');
  if (type!.trim() !== 'application/json') return false;
  return params.every((p) => {
    const [name, value] = p.split('=').map((part) => part.trim());
    return name !== 'charset' || value === 'utf-8' || value === 'utf8' || value === '"utf-8"';
  });
}

/** The body, exactly `length` bytes as announced (more or fewer: refused as body-parser would). */
function readBody(req: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= length) chunks.push(chunk);
    });
    req.on('end', () =>
      size === length ? resolve(Buffer.concat(chunks, size)) : reject(bodyError(400, 'request.size.invalid')),
    );
    req.on('aborted', () => reject(bodyError(400, 'request.aborted')));
    req.on('error', () => reject(bodyError(400, 'request.aborted')));
  });
}
