import {
  graphql,
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  parseValue as parseValueAst,
} from 'graphql';
import { MoneyScalar } from './money.scalar';

function errorOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw new Error(`expected a GraphQLError, got ${String(error)}`);
  }
  throw new Error('expected an error, nothing was thrown');
}

describe('MoneyScalar.serialize', () => {
  it.each([
    [8850, '88.50'],
    [10000, '100.00'],
    [1, '0.01'],
    [0, '0.00'],
    [-1250, '-12.50'],
  ])('renders %d fen as %p', (fen, text) => {
    expect(MoneyScalar.serialize(fen)).toBe(text);
  });

  it.each([88.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, '88.50', '8850', null, undefined, 8850n])(
    'refuses %p',
    (value) => {
      expect(errorOf(() => MoneyScalar.serialize(value)).message).toBe(
        'Money must be resolved as an integer number of fen',
      );
    },
  );
});

describe('MoneyScalar.parseValue', () => {
  it.each([
    ['88.50', 8850],
    ['88.5', 8850],
    ['100', 10000],
    ['0.01', 1],
    ['-12.50', -1250],
  ])('reads %p as %d fen', (text, fen) => {
    expect(MoneyScalar.parseValue(text)).toBe(fen);
  });

  it.each([88.5, 8850, null, true, { amount: '1.00' }])(
    'refuses the non-string %p as BAD_USER_INPUT',
    (value) => {
      const error = errorOf(() => MoneyScalar.parseValue(value));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
    },
  );

  it.each(['1.001', '1e3', '', 'abc', '１００'])(
    'refuses the malformed string %p as INVALID_AMOUNT',
    (text) => {
      const error = errorOf(() => MoneyScalar.parseValue(text));
      expect(error.extensions.code).toBe('INVALID_AMOUNT');
      expect(error.message).toContain('is not a valid amount');
    },
  );
});

describe('MoneyScalar.parseLiteral', () => {
  it('reads a string literal', () => {
    expect(MoneyScalar.parseLiteral(parseValueAst('"88.50"'), {})).toBe(8850);
    expect(MoneyScalar.parseLiteral(parseValueAst('"-0.05"'), {})).toBe(-5);
  });

  it.each(['88.5', '8850', 'true', 'null', '["1.00"]'])(
    'refuses the literal %s as BAD_USER_INPUT',
    (literal) => {
      const error = errorOf(() => MoneyScalar.parseLiteral(parseValueAst(literal), {}));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
    },
  );

  it('refuses a malformed string literal as INVALID_AMOUNT', () => {
    expect(errorOf(() => MoneyScalar.parseLiteral(parseValueAst('"1.234"'), {})).extensions.code).toBe(
      'INVALID_AMOUNT',
    );
  });
});

describe('MoneyScalar in a schema', () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        double: {
          type: MoneyScalar,
          args: { amount: { type: MoneyScalar } },
          resolve: (_root, args: { amount: number }) => args.amount * 2,
        },
      },
    }),
  });

  it('takes a string variable and a string literal and answers a string', async () => {
    const fromVariable = await graphql({
      schema,
      source: 'query ($a: Money) { double(amount: $a) }',
      variableValues: { a: '44.25' },
    });
    expect(fromVariable).toEqual({ data: { double: '88.50' } });
    const fromLiteral = await graphql({ schema, source: '{ double(amount: "0.01") }' });
    expect(fromLiteral).toEqual({ data: { double: '0.02' } });
  });

  it('refuses a number variable', async () => {
    const result = await graphql({
      schema,
      source: 'query ($a: Money) { double(amount: $a) }',
      variableValues: { a: 44.25 },
    });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toContain('Money must be given as a string');
  });
});
