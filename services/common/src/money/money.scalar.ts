import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatFen, MoneyFormatError, parseSignedYuan } from './money';

/**
 * `Money`: an amount of CNY as a decimal string with two decimals ("88.50").
 * Resolvers work in integer fen; this scalar is the only place fen become text.
 */
export const MoneyScalar = new GraphQLScalarType<number, string>({
  name: 'Money',
  description: 'An amount of CNY as a decimal string with exactly two decimals, e.g. "88.50". Never a float.',
  serialize(value) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new GraphQLError('Money must be resolved as an integer number of fen');
    }
    return formatFen(value);
  },
  parseValue(value) {
    return parseMoneyInput(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Money must be given as a string like "100.00"', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parseMoneyInput(ast.value);
  },
});

function parseMoneyInput(value: unknown): number {
  if (typeof value !== 'string') {
    throw new GraphQLError('Money must be given as a string like "100.00"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  try {
    return parseSignedYuan(value);
  } catch (error) {
    const message = error instanceof MoneyFormatError ? error.message : 'invalid amount';
    throw new GraphQLError(message, { extensions: { code: 'INVALID_AMOUNT' } });
  }
}
