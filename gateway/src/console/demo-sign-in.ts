import express, { type Router } from 'express';
import { DEMO_SECRET_PREFIX, signJwt, type Actor, type JwtSettings } from '@pay/common';
import { clientIp } from '../auth/client-ip';
import type { RateLimits } from '../rate-limits/rate-limits';

/** The identities the demo console offers (the demo world's people). */
export const DEMO_IDENTITIES: { id: string; label: string; actor: Actor }[] = [
  {
    id: 'operator',
    label: '运营 demo-operator (OPERATOR)',
    actor: { sub: 'demo-operator', role: 'OPERATOR' },
  },
  { id: 'checker', label: '复核 demo-checker (OPERATOR)', actor: { sub: 'demo-checker', role: 'OPERATOR' } },
  { id: 'analyst', label: '分析 demo-analyst (ANALYST)', actor: { sub: 'demo-analyst', role: 'ANALYST' } },
  {
    id: 'merchant',
    label: '商户 jl888 · 2024164 (MERCHANT)',
    actor: { sub: 'merchant:2024164', role: 'MERCHANT', merchantId: 2024164 },
  },
  {
    id: 'merchant-2023100',
    label: '商户 演示商户二 · 2023100 (MERCHANT)',
    actor: { sub: 'merchant:2023100', role: 'MERCHANT', merchantId: 2023100 },
  },
];

/** Demo sign-in exists only outside production and only while the gateway signs with the demo secret. */
export const demoSignInEnabled = (env: string, jwt: JwtSettings): boolean =>
  env !== 'production' && jwt.secret.startsWith(DEMO_SECRET_PREFIX);

/**
 * `GET /console/demo-identities` and `POST /console/demo-sign-in { identity }`: the demo
 * console's "pick who you are". Anywhere else (production, or real secrets) both answer
 * 404, so nobody can mint a token by asking. With `limits`, too many failed sign-ins
 * from one IP are refused for a while (429 with Retry-After).
 */
export function demoSignInRoutes(options: { env: string; jwt: JwtSettings; limits?: RateLimits }): Router {
  const router = express.Router();
  const enabled = demoSignInEnabled(options.env, options.jwt);
  router.get('/console/demo-identities', (_req, res) => {
    if (!enabled) return void res.status(404).json({ error: 'demo sign-in is off' });
    res.json({
      identities: DEMO_IDENTITIES.map((i) => ({
        id: i.id,
        label: i.label,
        role: i.actor.role,
        merchantId: i.actor.merchantId ?? null,
      })),
    });
  });
  router.post('/console/demo-sign-in', express.json({ limit: '1kb' }), async (req, res) => {
    if (!enabled) return void res.status(404).json({ error: 'demo sign-in is off' });
    const failures = `sign-in:${clientIp(req) ?? 'unknown'}`;
    const retryAfter = (await options.limits?.blocked(failures)) ?? null;
    if (retryAfter !== null) {
      res.setHeader('Retry-After', String(retryAfter));
      return void res.status(429).json({ error: 'too many failed sign-ins', code: 'RATE_LIMITED' });
    }
    const wanted = (req.body as { identity?: unknown } | undefined)?.identity;
    const identity = DEMO_IDENTITIES.find((i) => i.id === wanted);
    if (!identity) {
      await options.limits?.fail(failures);
      return void res.status(400).json({ error: 'unknown demo identity' });
    }
    res.json({ token: signJwt(identity.actor, options.jwt, 8 * 3600) });
  });
  return router;
}
