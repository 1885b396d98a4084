import { z } from 'zod';

export const ROLES = ['MERCHANT', 'OPERATOR', 'ANALYST', 'SYSTEM'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the gateway established it. */
export interface Actor {
  /** Subject: a user name, "merchant:<id>", or a service name. */
  sub: string;
  role: Role;
  /** Set for MERCHANT: the only merchant this actor may see. */
  merchantId?: number;
  /** The caller's IP address as the gateway saw it (for IP allow-lists); unset for internal calls. */
  ip?: string;
}

export const actorSchema = z
  .object({
    sub: z.string().min(1).max(200),
    role: z.enum(ROLES),
    merchantId: z.number().int().positive().optional(),
    ip: z.string().min(1).max(64).optional(),
  })
  .refine((a) => a.role !== 'MERCHANT' || a.merchantId !== undefined, 'a MERCHANT actor needs a merchantId');

export const isPlatformRole = (actor: Actor): boolean => actor.role !== 'MERCHANT';
export const canMutate = (actor: Actor): boolean => actor.role !== 'ANALYST';
