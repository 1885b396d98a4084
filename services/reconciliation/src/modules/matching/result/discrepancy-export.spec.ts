import { csvLine, discrepancyCsvFields, DISCREPANCY_CSV_HEADER } from './discrepancy-export';
import { ReconciliationIssue } from '../reconciliation-issue';
import type { ReconciliationResult } from './reconciliation-result.entity';

describe('discrepancy CSV', () => {
  it('quotes only fields that need it, doubling quotes, and ends lines with CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', ''])).toBe(
      'a,"b,c","say ""hi""","two\nlines",\r\n',
    );
  });

  it('writes amounts as exact yuan and times in China time, one field per header column', () => {
    const result = {
      code: 'c'.repeat(32),
      source: 'wechat',
      issue: ReconciliationIssue.ABNORMAL,
      outTradeNo: 'H1',
      transactionId: null,
      tradeTime: new Date('2025-11-16T15:59:58Z'),
      payMoney: 9007199254740991,
      channelAmount: 1,
      platformAmount: null,
      merchantId: 7,
      merchantName: null,
      resolved: true,
      note: '异常',
      createdAt: new Date('2025-11-16T16:00:00Z'),
    } as unknown as ReconciliationResult;
    const fields = discrepancyCsvFields({ result, runCode: 'r' });
    expect(fields).toHaveLength(DISCREPANCY_CSV_HEADER.length);
    expect(fields).toEqual([
      'c'.repeat(32),
      'r',
      'wechat',
      'ABNORMAL',
      '异常',
      'H1',
      '',
      '2025-11-16 23:59:58',
      '90071992547409.91',
      '0.01',
      '',
      '7',
      '',
      'true',
      '异常',
      '2025-11-17 00:00:00',
    ]);
  });
});
