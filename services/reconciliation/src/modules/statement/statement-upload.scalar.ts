import { GraphQLScalarType, Kind } from 'graphql';
import { AppError } from '@pay/common';
import { SHA256_HEX } from './statement-store';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !SHA256_HEX.test(value))
    throw new AppError('BAD_USER_INPUT', 'a StatementUpload is the id the upload returned (64 hex digits)');
  return value;
}

/**
 * A statement file uploaded with the GraphQL multipart request: clients send the file
 * itself in the multipart body; the gateway stores it with the reconciliation service
 * and puts the upload's id (the file's SHA-256) in the variable before the operation
 * runs. Subgraph callers may pass an id they got from an earlier upload.
 */
export const StatementUploadScalar = new GraphQLScalarType<string, string>({
  name: 'StatementUpload',
  description:
    'A statement file sent as a GraphQL multipart request part (the gateway turns it into an upload id: the SHA-256 of the file).',
  serialize: (value) => parse(value),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
