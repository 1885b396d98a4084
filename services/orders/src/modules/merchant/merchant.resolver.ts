import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  ObjectType,
} from 'type-graphql';
import {
  Connection,
  maskApiKey,
  maySeeMerchantRecord,
  merchantScope,
  PageArgs,
  pageWindow,
  requireRole,
  toConnection,
} from '@pay/common';
import type { OrdersContext } from '../../context';
import { MerchantChannel } from '../channel/merchant-channel.entity';
import { Merchant, MerchantStatus } from './merchant.entity';
import { Agent } from './agent.entity';
import { DisableTwoFactorInput, EnableTwoFactorInput } from './merchant.input';
import { EnableTwoFactorPayload } from './merchant.type';
import { disableTwoFactor, enableTwoFactor } from './merchant-security.service';

@ObjectType({ description: 'A page of merchants.' })
export class MerchantConnection extends Connection(Merchant, 'Merchant') {}

@Resolver(() => Merchant)
export class MerchantResolver {
  @Query(() => Merchant, {
    nullable: true,
    description: 'One merchant; a MERCHANT caller may only ask for itself.',
  })
  async merchant(
    @Ctx() ctx: OrdersContext,
    @Arg('id', () => Int, { nullable: true }) id?: number,
  ): Promise<Merchant | null> {
    const scoped = merchantScope(ctx.actor, id);
    return scoped === undefined ? null : ctx.loaders.merchant.load(scoped);
  }

  @Query(() => MerchantConnection, { description: 'Merchants (platform roles), by id.' })
  async merchants(
    @Ctx() ctx: OrdersContext,
    @Args() page: PageArgs,
    @Arg('status', () => MerchantStatus, { nullable: true }) status?: MerchantStatus,
    @Arg('name', () => String, { nullable: true, description: 'Name contains (case-insensitive).' })
    name?: string,
  ): Promise<MerchantConnection> {
    requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
    const window = pageWindow(page, { max: 100 });
    const where = {
      ...(status ? { status } : {}),
      ...(name ? { name: { $ilike: `%${name.replace(/[%_\\]/g, (c) => `\\${c}`)}%` } } : {}),
    };
    const [items, total] = await ctx.em.findAndCount(Merchant, where, {
      orderBy: { id: 'asc' },
      limit: window.limit,
      offset: window.offset,
    });
    return Object.assign(new MerchantConnection(), toConnection(items, total, window));
  }

  @Mutation(() => EnableTwoFactorPayload, {
    description:
      'Turn two-factor (TOTP) withdrawals on for a merchant with a fresh secret (operators); the otpauth URI is returned only here.',
  })
  enableTwoFactor(
    @Ctx() ctx: OrdersContext,
    @Arg('input') input: EnableTwoFactorInput,
  ): Promise<EnableTwoFactorPayload> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    return enableTwoFactor(ctx.em, input.merchantId);
  }

  @Mutation(() => Merchant, {
    description: 'Turn two-factor (TOTP) withdrawals off for a merchant and forget its secret (operators).',
  })
  disableTwoFactor(@Ctx() ctx: OrdersContext, @Arg('input') input: DisableTwoFactorInput): Promise<Merchant> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    return disableTwoFactor(ctx.em, input.merchantId);
  }

  // The relation is an unloaded reference (id only); without this, `agent { name }` fails.
  @FieldResolver(() => Agent, {
    nullable: true,
    description: 'The agent who earns commission on this merchant.',
  })
  async agent(@Root() merchant: Merchant, @Ctx() ctx: OrdersContext): Promise<Agent | null> {
    return merchant.agent ? ctx.loaders.agent.load(merchant.agent.id) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The merchant API signing key masked as its first and last four characters (e.g. 3f9a****c2d1): for the merchant itself and platform roles (null otherwise); the key itself is never exposed.',
  })
  async apiKeyMasked(@Root() merchant: Merchant, @Ctx() ctx: OrdersContext): Promise<string | null> {
    if (!maySeeMerchantRecord(ctx.actor, merchant.id)) return null;
    const withKey = await ctx.loaders.merchantWithKey.load(merchant.id);
    return withKey?.signingKey ? maskApiKey(withKey.signingKey) : null;
  }

  @FieldResolver(() => [MerchantChannel], { description: "The merchant's settings per channel." })
  channelSettings(@Root() merchant: Merchant, @Ctx() ctx: OrdersContext): Promise<MerchantChannel[]> {
    return ctx.em.find(
      MerchantChannel,
      { merchant: merchant.id },
      { populate: ['channel'], orderBy: { channel: { sortOrder: 'asc' } } },
    );
  }
}
