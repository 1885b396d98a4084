import { GraphQLError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from './error-codes';

export type ErrorDetails = Record<string, string | number | boolean | null>;

/**
 * The only error services throw on purpose. It is a GraphQLError so Apollo renders
 * `extensions.code` (and `details`) as-is; anything else is masked by `formatError`.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message?: string, details: ErrorDetails = {}) {
    // No `http.status` extension: Apollo would answer the whole response with it,
    // and a gateway reads a non-200 subgraph answer as a transport failure.
    super(message ?? ERROR_CODES[code].description, { extensions: { code, details } });
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
