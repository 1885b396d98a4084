import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppError, merchantScope, requireMutation, requireRole, maskAccountNumber } from '@pay/common';
import type { LedgerContext } from '../../context';
import { BankCard } from './bank-card.entity';
import { BankCardListArgs } from './bank-card.args';
import { AddBankCardInput, ApproveBankCardInput } from './bank-card.input';
import { addBankCard, approveBankCard, MAX_BANK_CARDS, parseBankCardId } from './bank-card.service';

@Resolver(() => BankCard)
export class BankCardResolver {
  @Query(() => [BankCard], {
    description: `A merchant's bank cards, oldest first (at most ${MAX_BANK_CARDS}); numbers are masked.`,
  })
  async bankCards(@Ctx() ctx: LedgerContext, @Args() args: BankCardListArgs): Promise<BankCard[]> {
    const merchantId = merchantScope(ctx.actor, args.merchantId);
    if (merchantId === undefined)
      throw new AppError('BAD_USER_INPUT', 'merchantId is required', { argument: 'merchantId' });
    const cards = await ctx.loaders.bankCardsByMerchant.load(merchantId);
    return args.approved == null ? cards : cards.filter((card) => card.approved === args.approved);
  }

  @Mutation(() => BankCard, {
    description: 'Add a bank card to withdraw to; it takes withdrawals once an operator approves it.',
  })
  addBankCard(@Ctx() ctx: LedgerContext, @Arg('input') input: AddBankCardInput): Promise<BankCard> {
    requireMutation(ctx.actor);
    const merchantId = merchantScope(ctx.actor, input.merchantId);
    if (merchantId === undefined)
      throw new AppError('BAD_USER_INPUT', 'merchantId is required', { argument: 'merchantId' });
    return addBankCard(ctx.em, { ...input, merchantId });
  }

  @Mutation(() => BankCard, { description: 'Approve a bank card for withdrawals (operators).' })
  approveBankCard(@Ctx() ctx: LedgerContext, @Arg('input') input: ApproveBankCardInput): Promise<BankCard> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    return approveBankCard(ctx.em, parseBankCardId(input.bankCardId), ctx.actor);
  }

  @FieldResolver(() => String, {
    description: 'The account number masked like 621700******1234 (the full number is never shown).',
  })
  maskedNumber(@Root() card: BankCard): string {
    return maskAccountNumber(card.accountNumber);
  }
}
