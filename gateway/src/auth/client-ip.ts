import type { Request } from 'express';
import type { Actor } from '@pay/common';

/** The longest IP the signed actor header accepts (`actorSchema`). */
const MAX_IP_LENGTH = 64;

/**
 * The caller's IP as express computes it (`req.ip`) under the gateway's `trust proxy`
 * setting (TRUST_PROXY): the socket's peer, or — only when that peer is a trusted proxy —
 * the nearest untrusted address in `X-Forwarded-For`. Subgraphs use it for IP
 * allow-lists, so a client must never be able to choose it: trust only your own proxies.
 *
 * It is kept exactly as express gives it. In particular an IPv4 client reaching a
 * dual-stack (IPv6) listener appears IPv4-mapped, `::ffff:203.0.113.7`; whoever compares
 * it with an allow-list must treat both forms as the same address.
 */
export function clientIp(req: Request): string | undefined {
  const ip = req.ip;
  return ip && ip.length <= MAX_IP_LENGTH ? ip : undefined;
}

/** The verified actor with the caller's IP (never one a token or header brought along). */
export function withClientIp(actor: Actor, req: Request): Actor {
  const { ip: _ignored, ...rest } = actor;
  const ip = clientIp(req);
  return ip ? { ...rest, ip } : rest;
}
