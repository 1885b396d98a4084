import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { Merchant } from '../../modules/merchant/merchant.entity';
import { OpenApiApp } from '../../modules/open-api/open-api-app.entity';

/** The demo open API app of the standard test world's merchant 2024164. */
export const DEMO_OPEN_API_APP = {
  appId: '20170224132045932173',
  secret: 'openapi-secret-2024164-demo',
  merchantId: 2024164,
} as const;

/** An open API app for a merchant (the demo app's id and secret by default). */
export async function buildOpenApiApp(
  em: EntityManager,
  fields: { merchantId?: number; appId?: string; secret?: string; enabled?: boolean } = {},
): Promise<OpenApiApp> {
  const app = em.create(OpenApiApp, {
    appId: fields.appId ?? DEMO_OPEN_API_APP.appId,
    secret: fields.secret ?? (fields.appId ? randomBytes(16).toString('hex') : DEMO_OPEN_API_APP.secret),
    merchant: em.getReference(Merchant, fields.merchantId ?? DEMO_OPEN_API_APP.merchantId),
    enabled: fields.enabled ?? true,
  });
  await em.flush();
  return app;
}
