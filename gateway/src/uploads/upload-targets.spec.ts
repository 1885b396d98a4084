import { MultipartRequestError } from './multipart-operations';
import { targetOfOperation, uploadTargets } from './upload-targets';

const targets = uploadTargets({
  reconciliationUrl: 'http://reconciliation',
  settlementUrl: 'http://settlement',
  maxStatementBytes: 1000,
  maxVoucherBytes: 300,
});

const targetOf = (query: string, operationName?: string) =>
  targetOfOperation({ query, operationName, variables: {} }, targets);

describe('the target of a multipart request', () => {
  it('routes statement imports to reconciliation and settling to settlement, with their own limits', () => {
    const statement = targetOf(
      'mutation ($i: ImportStatementInput!) { importStatement(input: $i) { created } }',
    );
    expect(statement).toMatchObject({
      kind: 'statement',
      url: 'http://reconciliation/internal/statement-uploads',
      maxFileBytes: 1000,
    });
    const voucher = targetOf('mutation ($i: SettleSettlementInput!) { settleSettlement(input: $i) { id } }');
    expect(voucher).toMatchObject({
      kind: 'voucher',
      url: 'http://settlement/internal/voucher-uploads',
      maxFileBytes: 300,
    });
  });

  it('describes each file the way its service expects', () => {
    const statement = targetOf('mutation { importStatement { created } }');
    expect(statement.headers({ fileName: '账单 1.csv', mimeType: 'text/csv' })).toEqual({
      'content-type': 'application/octet-stream',
      'x-statement-file-name': encodeURIComponent('账单 1.csv'),
    });
    const voucher = targetOf('mutation { settleSettlement { id } }');
    expect(voucher.headers({ fileName: '凭证.pdf', mimeType: 'application/pdf' })).toEqual({
      'content-type': 'application/pdf',
      'x-voucher-file-name': encodeURIComponent('凭证.pdf'),
    });
    expect(voucher.headers({ fileName: '', mimeType: '' })).toEqual({
      'content-type': 'application/octet-stream',
      'x-voucher-file-name': 'voucher',
    });
  });

  it('looks at field names through aliases, fragments and __typename', () => {
    expect(targetOf('mutation { done: settleSettlement { id } __typename }').kind).toBe('voucher');
    expect(targetOf('mutation { ... on Mutation { settleSettlement { id } } }').kind).toBe('voucher');
    expect(
      targetOf('mutation { ...Import } fragment Import on Mutation { importStatement { created } ...Import }')
        .kind,
    ).toBe('statement');
  });

  it('runs the named operation, or the only one', () => {
    const document = `
      query Look { settlements { id } }
      mutation Settle { settleSettlement { id } }
      mutation Import { importStatement { created } }`;
    expect(targetOf(document, 'Settle').kind).toBe('voucher');
    expect(targetOf(document, 'Import').kind).toBe('statement');
    expect(() => targetOf(document)).toThrow(/name one in operationName/);
    expect(() => targetOf(document, 'Other')).toThrow(/no operation named "Other"/);
    expect(() => targetOf(document, 'Look')).toThrow(/mutations only/);
  });

  it.each([
    [
      'a mutation that takes no files',
      'mutation { createMerchant { id } }',
      /"createMerchant" does not take files/,
    ],
    [
      'an upload mutation next to another field',
      'mutation { settleSettlement { id } createMerchant { id } }',
      /"createMerchant" does not take files/,
    ],
    [
      'files for two services',
      'mutation { settleSettlement { id } importStatement { created } }',
      /one kind of upload only, not voucher and statement/,
    ],
    ['a query', '{ settlements { id } }', /mutations only, not a query/],
    ['no field', 'mutation { __typename }', /no field that takes files/],
    ['a query that does not parse', 'mutation {', /does not parse/],
    ['no operation', 'fragment F on Mutation { importStatement { created } }', /no operation/],
  ])('refuses %s', (_name, query, message) => {
    let error: unknown;
    try {
      targetOf(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MultipartRequestError);
    expect((error as MultipartRequestError).status).toBe(400);
    expect((error as MultipartRequestError).message).toMatch(message);
  });

  it('needs a query', () => {
    expect(() => targetOfOperation({ variables: {} }, targets)).toThrow(/needs a query/);
  });
});
