import { splitFees, type FeeRates } from './fee-split';
import { formatFen, parsePercent, parseYuan, PPM } from './money';
import { seededRandom } from '../testkit/assertions';

const intBelow = (random: () => number, n: number) => Math.floor(random() * n);

const rates = (merchant: string, agent: string, upstream: string): FeeRates => ({
  merchantRate: parsePercent(merchant),
  agentRate: parsePercent(agent),
  upstreamCostRate: parsePercent(upstream),
});

/** The split rendered as the merchant API shows amounts. */
function asYuan(gross: string, r: FeeRates) {
  const s = splitFees(parseYuan(gross), r);
  return {
    gross: formatFen(s.gross),
    merchantIncome: formatFen(s.merchantIncome),
    agentIncome: formatFen(s.agentIncome),
    channelFee: formatFen(s.channelFee),
    upstreamCost: formatFen(s.upstreamCost),
    platformProfit: formatFen(s.platformProfit),
  };
}

describe('splitFees', () => {
  it('matches the architecture example: 100.00 at 11.5 % / 4 % / 0.5 %', () => {
    expect(asYuan('100.00', rates('11.5', '4', '0.5'))).toEqual({
      gross: '100.00',
      merchantIncome: '88.50',
      agentIncome: '4.00',
      channelFee: '7.50',
      upstreamCost: '0.50',
      platformProfit: '7.00',
    });
  });

  it('matches the merchant API example: 200.00 → merchant income 177.00, agent 8.00', () => {
    const split = asYuan('200.00', rates('11.5', '4', '0.5'));
    expect(split.merchantIncome).toBe('177.00');
    expect(split.agentIncome).toBe('8.00');
    expect(split.channelFee).toBe('15.00');
    expect(split.upstreamCost).toBe('1.00');
    expect(split.platformProfit).toBe('14.00');
  });

  it('matches the merchant API example without an agent: 50.00 at 10 % → 45.00 / 0.00', () => {
    const split = asYuan('50.00', rates('10', '0', '0'));
    expect(split.merchantIncome).toBe('45.00');
    expect(split.agentIncome).toBe('0.00');
    expect(split.channelFee).toBe('5.00');
    expect(split.platformProfit).toBe('5.00');
  });

  it('rounds each rate once, half up, and derives the rest by difference', () => {
    // 0.01 at 50 % / 50 % / 50 %: every fee is 0.005 → 0.01
    expect(splitFees(1, { merchantRate: 500_000, agentRate: 500_000, upstreamCostRate: 500_000 })).toEqual({
      gross: 1,
      merchantIncome: 0,
      agentIncome: 1,
      channelFee: 0,
      upstreamCost: 1,
      platformProfit: -1,
    });
    // 1.11 at 11.5 % = 12.765 fen → 13; 4 % = 4.44 → 4; 0.5 % = 0.555 → 1
    expect(splitFees(111, rates('11.5', '4', '0.5'))).toEqual({
      gross: 111,
      merchantIncome: 98,
      agentIncome: 4,
      channelFee: 9,
      upstreamCost: 1,
      platformProfit: 8,
    });
  });

  it('reports a negative platform profit when the upstream costs more than the fee', () => {
    const split = splitFees(10_000, rates('1', '0', '2'));
    expect(split.channelFee).toBe(100);
    expect(split.upstreamCost).toBe(200);
    expect(split.platformProfit).toBe(-100);
  });

  it('keeps gross = merchant + agent + channel fee and channel fee = upstream + profit (random)', () => {
    const random = seededRandom(11_5);
    for (let i = 0; i < 5000; i += 1) {
      const gross = intBelow(random, 10 ** (1 + intBelow(random, 12)));
      const merchantRate = intBelow(random, PPM + 1);
      const agentRate = intBelow(random, merchantRate + 1);
      const upstreamCostRate = intBelow(random, PPM + 1);
      const s = splitFees(gross, { merchantRate, agentRate, upstreamCostRate });

      expect(s.gross).toBe(gross);
      expect(s.merchantIncome + s.agentIncome + s.channelFee).toBe(gross);
      expect(s.upstreamCost + s.platformProfit).toBe(s.channelFee);
      for (const part of [s.merchantIncome, s.agentIncome, s.channelFee, s.upstreamCost]) {
        expect(Number.isSafeInteger(part) && part >= 0).toBe(true);
      }
      expect(Number.isSafeInteger(s.platformProfit)).toBe(true);
    }
  });

  it('refuses an agent rate above the merchant rate', () => {
    expect(() => splitFees(10_000, rates('4', '4.0001', '0'))).toThrow(
      'the agent rate cannot exceed the merchant rate',
    );
    // equal rates are fine: the platform keeps nothing
    expect(splitFees(10_000, rates('4', '4', '0')).channelFee).toBe(0);
  });

  it.each([-1, -10_000, 1.5, Number.NaN])('refuses gross %p', (gross) => {
    expect(() => splitFees(gross, rates('11.5', '4', '0.5'))).toThrow(RangeError);
  });

  it('accepts a zero gross', () => {
    expect(splitFees(0, rates('11.5', '4', '0.5'))).toEqual({
      gross: 0,
      merchantIncome: 0,
      agentIncome: 0,
      channelFee: 0,
      upstreamCost: 0,
      platformProfit: 0,
    });
  });
});
