import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import {
  DriverException,
  NotFoundError,
  UniqueConstraintViolationException,
  DeadlockException,
  LockWaitTimeoutException,
} from '@mikro-orm/core';
import { isErrorCode } from './error-codes';
import { AppError } from './app-error';
import { MoneyFormatError } from '../money/money';
import { logger } from '../logging/logger';

/** Apollo's own codes for malformed operations; they are the client's fault and pass through. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? originalOf(error.originalError) : error;
}

/**
 * Maps MikroORM's exceptions to codes and masks everything unknown as
 * INTERNAL_SERVER_ERROR (logged with the request id), so no stack trace or SQL text
 * ever reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const original = originalOf(error);
  // Apollo gives every error without a code INTERNAL_SERVER_ERROR (keeping its raw
  // message), so that code passes through only when an AppError carries it on purpose.
  const deliberate = code !== 'INTERNAL_SERVER_ERROR' || original instanceof AppError;
  if (deliberate && (isErrorCode(code) || (typeof code === 'string' && CLIENT_CODES.has(code)))) {
    return stripStack(formatted);
  }
  if (original instanceof MoneyFormatError) {
    return { message: original.message, path: formatted.path, extensions: { code: 'INVALID_AMOUNT' } };
  }
  if (original instanceof NotFoundError) {
    return { message: 'Not found', path: formatted.path, extensions: { code: 'NOT_FOUND' } };
  }
  if (original instanceof UniqueConstraintViolationException) {
    return {
      message: 'A record with the same unique key exists',
      path: formatted.path,
      extensions: { code: 'CONFLICT' },
    };
  }
  if (original instanceof DeadlockException || original instanceof LockWaitTimeoutException) {
    return {
      message: 'A concurrent change won; retry',
      path: formatted.path,
      extensions: { code: 'CONFLICT' },
    };
  }
  logger().error(
    {
      err:
        original instanceof DriverException ? { message: original.message, code: original.code } : original,
    },
    'unexpected error',
  );
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function stripStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
