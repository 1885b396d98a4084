import type { NextFunction, Request, Response } from 'express';
import { currentRequestId, logger } from '../logging/logger';

/** What express's body parsers put on the errors they raise. */
interface BodyParserError {
  status?: unknown;
  type?: unknown;
}

/**
 * The HTTP status and message of a request body that a body parser refused: 413 for one
 * over the limit, 400 for malformed JSON or an unsupported encoding or charset; null for
 * anything that is not a body parser's client error.
 */
export function bodyParserFailure(error: unknown): { status: number; message: string } | null {
  const { status, type } = (error ?? {}) as BodyParserError;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  if (status === 413 || type === 'entity.too.large')
    return { status: 413, message: 'The request body is larger than the limit' };
  if (type === 'entity.parse.failed') return { status: 400, message: 'The request body is not valid JSON' };
  return { status, message: 'The request body could not be read' };
}

/**
 * Error middleware for a GraphQL endpoint's body parser: a malformed or over-limit body
 * answers in GraphQL's shape (`{ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }`,
 * 400 or 413) rather than the app's generic JSON error. Anything else goes on.
 */
export function graphqlBodyErrorHandler(
  error: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  const failure = bodyParserFailure(error);
  if (!failure || res.headersSent) {
    next(error);
    return;
  }
  logger().debug({ status: failure.status, requestId: currentRequestId() }, 'GraphQL request body refused');
  res.status(failure.status).json({
    errors: [{ message: failure.message, extensions: { code: 'BAD_REQUEST' } }],
  });
}
