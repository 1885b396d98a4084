import { ApolloServer } from '@apollo/server';
import { DeadlockException, NotFoundError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { configureLogger } from '../logging/logger';
import { MoneyFormatError } from '../money/money';
import { AppError } from './app-error';
import { ERROR_CODES } from './error-codes';
import { formatError } from './format-error';

// formatError logs what it masks; keep the test output clean.
beforeAll(() => configureLogger({ service: 'format-error-spec', level: 'silent' }));

const SQL =
  'insert into "order" ("platform_order_no") values ($1) - duplicate key value violates unique constraint "order_pkey"';

function driverError(message: string): Error {
  return Object.assign(new Error(message), { code: '23505', detail: 'Key (id)=(1) already exists.' });
}

/** What Apollo hands formatError for an error thrown in a resolver (see @apollo/server errorNormalize). */
function apolloFormatted(error: GraphQLError, stacktrace = true): GraphQLFormattedError {
  const extensions: Record<string, unknown> = {
    ...error.extensions,
    code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR',
  };
  delete extensions.http;
  if (stacktrace) extensions.stacktrace = error.stack?.split('\n');
  return { ...error.toJSON(), extensions };
}

/** The error graphql-js produces when a resolver at `path` throws `original` (extensions come from the original). */
function located(original: Error, path = ['order']): GraphQLError {
  return new GraphQLError(original.message, { path, originalError: original });
}

const format = (original: Error, stacktrace = true) => {
  const error = located(original);
  return formatError(apolloFormatted(error, stacktrace), error);
};

describe('AppError', () => {
  it('carries its code and details', () => {
    const error = new AppError('ILLEGAL_TRANSITION', 'cannot pay', { from: 'REFUNDED', event: 'PAY' });
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.details).toEqual({ from: 'REFUNDED', event: 'PAY' });
    expect(error.extensions).toEqual({
      code: 'ILLEGAL_TRANSITION',
      details: { from: 'REFUNDED', event: 'PAY' },
    });
    expect(error.message).toBe('cannot pay');
  });

  it('defaults its message to the code description', () => {
    expect(new AppError('FORBIDDEN').message).toBe(ERROR_CODES.FORBIDDEN.description);
    expect(new AppError('FORBIDDEN').details).toEqual({});
  });
});

describe('formatError', () => {
  it('keeps an AppError code, message and details but drops the stack trace', () => {
    const result = format(new AppError('INSUFFICIENT_BALANCE', 'balance 1.00 < 2.00', { accountId: 3 }));
    expect(result).toEqual({
      message: 'balance 1.00 < 2.00',
      locations: undefined,
      path: ['order'],
      extensions: { code: 'INSUFFICIENT_BALANCE', details: { accountId: 3 } },
    });
  });

  it('passes Apollo client codes through', () => {
    const formatted = {
      message: 'Syntax Error: Unexpected Name "x"',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    };
    expect(formatError(formatted, new GraphQLError(formatted.message))).toEqual(formatted);
  });

  it('masks an unknown error as INTERNAL_SERVER_ERROR without message, stack or SQL', () => {
    const result = format(driverError(SQL));
    expect(result).toEqual({
      message: 'Internal server error',
      path: ['order'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(result)).not.toMatch(/insert|duplicate|stacktrace|at /);
  });

  it('masks a TypeError thrown by a bug', () => {
    const result = format(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(result.message).toBe('Internal server error');
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('maps a unique constraint violation to CONFLICT without the SQL', () => {
    const result = format(new UniqueConstraintViolationException(driverError(SQL)));
    expect(result).toEqual({
      message: 'A record with the same unique key exists',
      path: ['order'],
      extensions: { code: 'CONFLICT' },
    });
  });

  it('maps a deadlock to CONFLICT', () => {
    expect(format(new DeadlockException(driverError('deadlock detected'))).extensions).toEqual({
      code: 'CONFLICT',
    });
  });

  it('maps NotFoundError to NOT_FOUND', () => {
    const result = format(new NotFoundError('Order not found ({ id: 1 })'));
    expect(result).toEqual({ message: 'Not found', path: ['order'], extensions: { code: 'NOT_FOUND' } });
  });

  it('maps a MoneyFormatError to INVALID_AMOUNT with its message', () => {
    const result = format(new MoneyFormatError('1.001', 'at most two decimals'));
    expect(result.extensions).toEqual({ code: 'INVALID_AMOUNT' });
    expect(result.message).toBe('"1.001" is not a valid amount: at most two decimals');
  });
});

describe('formatError in Apollo Server', () => {
  const typeDefs = 'type Query { boom(kind: String!): Int }';
  const resolvers = {
    Query: {
      boom: (_root: unknown, { kind }: { kind: string }) => {
        if (kind === 'app') throw new AppError('FORBIDDEN', 'a merchant may only see its own data');
        if (kind === 'unique') throw new UniqueConstraintViolationException(driverError(SQL));
        throw driverError(SQL);
      },
    },
  };

  async function errorsOf(kind: string, includeStacktraceInErrorResponses: boolean) {
    const server = new ApolloServer({ typeDefs, resolvers, formatError, includeStacktraceInErrorResponses });
    await server.start();
    try {
      const response = await server.executeOperation({
        query: 'query ($k: String!) { boom(kind: $k) }',
        variables: { k: kind },
      });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult.errors ?? [];
    } finally {
      await server.stop();
    }
  }

  it.each([false, true])('masks an unknown error (stack traces on: %p)', async (stacktraces) => {
    const [error] = await errorsOf('sql', stacktraces);
    expect(error).toEqual({
      message: 'Internal server error',
      path: ['boom'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('maps a unique violation to CONFLICT', async () => {
    const [error] = await errorsOf('unique', true);
    expect(error?.extensions).toEqual({ code: 'CONFLICT' });
    expect(JSON.stringify(error)).not.toContain('insert');
  });

  it('keeps an AppError code and message without a stack trace', async () => {
    const [error] = await errorsOf('app', true);
    expect(error?.message).toBe('a merchant may only see its own data');
    expect(error?.extensions).toEqual({ code: 'FORBIDDEN', details: {} });
  });
});
