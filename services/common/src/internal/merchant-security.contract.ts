import { z } from 'zod';
import type { InternalContract } from './internal-client';

/** The orders service's check of a merchant's two-factor (TOTP) code, asked by the ledger for withdrawals. */
export const verifyTotpContract = {
  path: '/internal/merchants/:id/verify-totp',
  request: z.object({ code: z.string().max(32).optional() }),
  /** Whether the merchant has two-factor authentication on, and whether the code is right (and unused). */
  answer: z.object({ required: z.boolean(), valid: z.boolean() }),
} satisfies InternalContract;
