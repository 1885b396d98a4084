import type { Request, RequestHandler, Response } from 'express';
import { isAppError, logger, type Actor } from '@pay/common';
import { OperationError } from '../operation-runner';
import type { RestContext } from '../rest-context';
import { authenticatePayAdmin } from './pay-admin-auth';
import { sendAdminData, sendAdminError, type EnvelopeStyle } from './pay-admin-envelope';
import type { AdminParams } from './pay-admin-params';

/** What an admin endpoint's handler gets: its parameters and the verified operator. */
export interface AdminRequest {
  params: AdminParams;
  actor: Actor;
  ctx: RestContext;
  req: Request;
}

export interface AdminHandlerOptions {
  style: EnvelopeStyle;
  /** POSTs change things: operators only (analysts may read). */
  write: boolean;
  /** The success `msg` of the `msg` / `msgState` envelopes. */
  message?: string;
  handle: (request: AdminRequest) => Promise<unknown>;
}

/**
 * One `/pay/*` endpoint: bearer authentication, then the handler, answered in the
 * endpoint's envelope. Failures (authentication, bad parameters, GraphQL errors) come back
 * in the same envelope with the documented message, never with a stack trace.
 */
export function adminHandler(ctx: RestContext, options: AdminHandlerOptions): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const actor = await authenticatePayAdmin(req, ctx.tokens, options.write);
      const params: AdminParams = {
        ...(req.query as AdminParams),
        ...(req.body && typeof req.body === 'object' ? (req.body as AdminParams) : {}),
      };
      sendAdminData(res, options.style, await options.handle({ params, actor, ctx, req }), options.message);
    } catch (error) {
      if (isAppError(error) || error instanceof OperationError) {
        sendAdminError(res, options.style, error.code);
        return;
      }
      logger().error({ err: error, path: req.path }, 'pay admin API request failed');
      sendAdminError(res, options.style, 'INTERNAL_SERVER_ERROR');
    }
  };
}
