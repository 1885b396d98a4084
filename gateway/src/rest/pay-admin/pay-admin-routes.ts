import type { Request } from 'express';
import type { Actor } from '@pay/common';
import type { LegacyRoute } from '../legacy-api';
import type { RestContext } from '../rest-context';
import type { EnvelopeStyle } from './pay-admin-envelope';
import type { AdminParams } from './pay-admin-params';

/** What an admin endpoint's handler gets: its parameters and the verified operator. */
export interface AdminRequest {
  params: AdminParams;
  actor: Actor;
  ctx: RestContext;
  req: Request;
}

/** One `/pay/*` endpoint of the route table. */
export interface AdminRoute extends LegacyRoute<AdminRequest> {
  style: EnvelopeStyle;
  /** POSTs change things: operators only (analysts may read). */
  write: boolean;
  /** The success `msg` of the `msg` / `msgState` envelopes. */
  message?: string;
}
