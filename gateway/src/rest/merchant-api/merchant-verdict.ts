import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import {
  AppError,
  merchantApiActor,
  merchantApiVerdictContract,
  MERCHANT_API_PROOF_EXTENSION,
  parseInternalRequest,
  type Actor,
  type SignableValue,
} from '@pay/common';
import { signatureCheckLimits, type SignatureCheckLimits } from '../../rate-limits/legacy-rate-limits';
import type { RunOperation } from '../operation-runner';
import { serviceBaseUrl, type RestContext } from '../rest-context';
import { concludeVerdict, fetchSignatureVerdict } from '../signature-verdict.client';

const CALLER = 'gateway:merchant-api';
/** The subgraph that keeps the merchant API's keys and checks a folded verdict. */
const KEYS_OWNER = 'orders';

type VerdictBody = z.output<typeof merchantApiVerdictContract.request>;

/**
 * A merchant API request's signature verdict, settled once per request. The keys stay in
 * orders, so a verdict is an internal call; when the route's first operation is one orders
 * answers alone, the verdict travels with it (`ctx.runClaimed`: the claimed actor and
 * the signed parameters, checked by orders before it runs anything), otherwise it is
 * asked on its own first — a query of another subgraph beside it (its answer released only
 * once the verdict accepts the claim; RunClaimed). Either way nothing is answered, and no
 * mutation runs, as the merchant before orders has accepted the signature, the limits count
 * the verdict as before, and a route that fails before asking anything still answers the
 * signature's refusal first (`settle`).
 *
 * `claim` is the actor the parameters say the caller is (merchantApiActor); it is what the
 * route reads (`merchantIdOf`) and what runs once accepted. A verdict for any other
 * caller is refused.
 */
export class MerchantVerdict {
  private verified?: Promise<Actor>;

  private constructor(
    private readonly ctx: RestContext,
    private readonly body: VerdictBody,
    private readonly limits: SignatureCheckLimits | null,
    readonly claim: Actor,
  ) {}

  /** Counts the request against the signature limits (RATE_LIMITED) and makes the claim. */
  static async start(
    ctx: RestContext,
    params: Record<string, SignableValue>,
    options: { platformOnly: boolean; ip: string | undefined },
  ): Promise<MerchantVerdict> {
    const body = parseInternalRequest(merchantApiVerdictContract, {
      params,
      platformOnly: options.platformOnly,
    });
    const limits = await signatureCheckLimits(CALLER, body);
    const claim = claimedCaller(params, options.platformOnly);
    if (!claim) {
      // Parameters that name no merchant: the verdict endpoint says why, before anything runs.
      await concludeVerdict(await fetchSignatureVerdict(verdictEndpoint(ctx), body), limits);
      throw new AppError('SIGNATURE_INVALID');
    }
    return new MerchantVerdict(ctx, body, limits, merchantApiActor(claim, options.ip));
  }

  /** The verified actor; asks for the verdict on its own unless an operation carried it. */
  settle(): Promise<Actor> {
    return (this.verified ??= this.ask());
  }

  /** The route's `run`: its first operation carries the verdict when orders answers it alone. */
  readonly run: RunOperation = async <T, V extends object = Record<string, unknown>>(
    name: string,
    variables: V,
  ): Promise<T> => {
    if (this.verified) return this.ctx.run<T, V>(name, variables, await this.verified);
    const folded = this.ctx.runClaimed<T, V>(
      name,
      variables,
      { actor: this.claim, proof: 'merchant-api' },
      { subgraph: KEYS_OWNER, extensions: { [MERCHANT_API_PROOF_EXTENSION]: this.body } },
    );
    this.verified = folded.then((outcome) => {
      if (outcome.verdict === 'not-folded') return this.ask();
      if (outcome.verdict === 'refused') return this.conclude({ ok: false, code: outcome.code });
      return this.conclude(null);
    });
    const actor = await this.verified;
    const outcome = await folded;
    if (outcome.verdict === 'ok') return outcome.data;
    // Accepted for the claim, which is what the early query ran as.
    if (outcome.verdict === 'not-folded' && outcome.early) return outcome.early;
    return this.ctx.run<T, V>(name, variables, actor);
  };

  private async ask(): Promise<Actor> {
    const verdict = await fetchSignatureVerdict(verdictEndpoint(this.ctx), this.body);
    if (verdict.ok && !isDeepStrictEqual(merchantApiActor(verdict.caller, this.claim.ip), this.claim))
      return this.conclude({ ok: false, code: 'SIGNATURE_INVALID' });
    return this.conclude(verdict.ok ? null : verdict);
  }

  /** `null`: accepted for the claim. */
  private async conclude(refusal: { ok: false; code: 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' } | null) {
    await concludeVerdict(refusal ?? { ok: true }, this.limits);
    return this.claim;
  }
}

const verdictEndpoint = (ctx: RestContext) => ({
  baseUrl: serviceBaseUrl(ctx.config.subgraphs[KEYS_OWNER] ?? ''),
  contract: merchantApiVerdictContract,
  caller: CALLER,
  internalSecret: ctx.config.auth.internalSecret,
});

/**
 * Who the parameters say the caller is, read as orders reads them: the platform for a
 * platform endpoint, else the merchant of a canonical positive `merchant_id`; null when
 * they name none (orders refuses those as MERCHANT_DISABLED).
 */
function claimedCaller(
  params: Record<string, SignableValue>,
  platformOnly: boolean,
): { kind: 'platform' } | { kind: 'merchant'; merchantId: number; masterKey: boolean } | null {
  if (platformOnly) return { kind: 'platform' };
  const id = Number(params.merchant_id);
  if (!Number.isSafeInteger(id) || id <= 0 || String(params.merchant_id).trim() !== String(id)) return null;
  return { kind: 'merchant', merchantId: id, masterKey: false };
}
