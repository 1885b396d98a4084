import { applyRate, type Fen, type RatePpm } from './money';

/** The rates that decide how a paid order's gross amount is divided. */
export interface FeeRates {
  /** What the merchant pays the platform, e.g. 11.5 % (agent commission included). */
  merchantRate: RatePpm;
  /** The agent's commission, carved out of the merchant fee, e.g. 4 %. */
  agentRate: RatePpm;
  /** What the upstream channel charges the platform, e.g. 0.5 %. */
  upstreamCostRate: RatePpm;
}

/**
 * A paid order's money, computed once in integers and stored on the order.
 * gross = merchantIncome + agentIncome + channelFee, and
 * channelFee = upstreamCost + platformProfit, always.
 */
export interface FeeSplit {
  gross: Fen;
  merchantIncome: Fen;
  agentIncome: Fen;
  /** The platform's fee (merchant fee minus agent commission). */
  channelFee: Fen;
  upstreamCost: Fen;
  /** channelFee − upstreamCost; negative when a channel costs more than it earns. */
  platformProfit: Fen;
}

/**
 * 100.00 at 11.5 % / 4 % / 0.5 % → merchant 88.50, agent 4.00, channel fee 7.50,
 * upstream cost 0.50, platform profit 7.00. Each rate is applied to the gross once
 * (half-up); the derived parts are differences, so nothing is rounded twice.
 */
export function splitFees(gross: Fen, rates: FeeRates): FeeSplit {
  if (!Number.isSafeInteger(gross) || gross < 0)
    throw new RangeError(`gross ${gross} must be a non-negative integer`);
  if (rates.agentRate > rates.merchantRate) {
    throw new RangeError('the agent rate cannot exceed the merchant rate');
  }
  const merchantFee = applyRate(gross, rates.merchantRate);
  const agentIncome = applyRate(gross, rates.agentRate);
  const channelFee = merchantFee - agentIncome;
  const upstreamCost = applyRate(gross, rates.upstreamCostRate);
  return {
    gross,
    merchantIncome: gross - merchantFee,
    agentIncome,
    channelFee,
    upstreamCost,
    platformProfit: channelFee - upstreamCost,
  };
}
