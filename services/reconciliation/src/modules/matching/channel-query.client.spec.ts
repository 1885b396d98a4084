import { mapWithConcurrency } from './channel-query.client';
import { describeAnswer } from './matching.service';

describe('mapWithConcurrency', () => {
  it('keeps the input order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('does nothing for no items', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});

describe('describeAnswer', () => {
  it('renders what the channel said, amounts in yuan', () => {
    expect(describeAnswer({ tradeState: 'SUCCESS', amount: 1234, transactionId: 'SBX1' })).toBe(
      '渠道查询：SUCCESS，金额 12.34 元，交易号 SBX1',
    );
    expect(describeAnswer({ tradeState: 'NOT_FOUND', amount: null, transactionId: null })).toBe(
      '渠道查询：NOT_FOUND',
    );
    expect(
      describeAnswer({ tradeState: 'FAILED', amount: null, transactionId: null, error: 'TimeoutError' }),
    ).toBe('渠道查询失败（TimeoutError）');
  });
});
