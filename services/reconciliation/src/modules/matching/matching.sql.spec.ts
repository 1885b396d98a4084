import { bindNamed, CLASSIFY_SQL, HEADER_SQL, issueTextSql } from './matching.sql';

describe('bindNamed', () => {
  it('binds named parameters in order, repeating values, and leaves casts alone', () => {
    expect(bindNamed('select :a::bigint, :b, :a, x::text', { a: 1, b: 'two' })).toEqual([
      'select ?::bigint, ?, ?, x::text',
      [1, 'two', 1],
    ]);
  });

  it('refuses a missing parameter', () => {
    expect(() => bindNamed('select :nope', {})).toThrow('missing SQL parameter :nope');
  });

  it('finds every parameter of the classification (no literal ? that the driver would bind)', () => {
    for (const sql of [CLASSIFY_SQL, HEADER_SQL]) expect(sql).not.toContain('?');
    const [, params] = bindNamed(CLASSIFY_SQL, {
      runId: 1,
      runCode: 'c',
      source: 's',
      start: 'a',
      end: 'b',
      neighbourStart: 'a',
      neighbourEnd: 'b',
      payTypes: '{}',
      channelCodes: '{}',
      autoOnly: false,
      tolerance: 0,
      cutoff: 'b',
      now: 'n',
      expiry: 'e',
    });
    expect(params.length).toBeGreaterThan(10);
  });
});

describe('issueTextSql', () => {
  it('names each issue as the legacy API does', () => {
    expect(issueTextSql('x')).toBe(
      "(case x when 0 then '存疑' when 1 then '长款' when 2 then '短款' when 3 then '异常' when 4 then '正常' when 5 then '已冲正' when 6 then '已退款' end)",
    );
  });
});
