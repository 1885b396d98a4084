import { MultipartRequestError, parseFileMap, parseOperations, setAtPath } from './multipart-operations';

describe('GraphQL multipart request fields', () => {
  it('puts upload ids where the map says', () => {
    const operations = parseOperations(
      JSON.stringify({
        query: 'mutation ($input: ImportStatementInput!) { importStatement(input: $input) { created } }',
        variables: { input: { file: null, source: 'wechat' }, more: [null, null] },
      }),
    );
    const map = parseFileMap(JSON.stringify({ 0: ['variables.input.file'], 1: ['variables.more.1'] }));
    for (const [name, paths] of map) for (const path of paths) setAtPath(operations, path, `id-${name}`);
    expect(operations.variables).toEqual({ input: { file: 'id-0', source: 'wechat' }, more: [null, 'id-1'] });
  });

  it('refuses batches, bad JSON, paths outside the variables, missing targets and prototype keys', () => {
    expect(() => parseOperations('[{}]')).toThrow(/batching is off/);
    expect(() => parseOperations('{')).toThrow(MultipartRequestError);
    expect(() => parseFileMap('{"0": "variables.file"}')).toThrow(/non-empty array/);
    expect(() => parseFileMap('{"0": ["query"]}')).toThrow(/into the variables/);
    const operations = parseOperations('{"query": "x", "variables": {"input": {"file": null}}}');
    expect(() => setAtPath(operations, 'variables.input.other.deep', 'x')).toThrow(/does not exist/);
    expect(() => setAtPath(operations, 'variables.__proto__.polluted', 'x')).toThrow(/not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
