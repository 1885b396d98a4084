import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { MultipartRequestError } from './multipart-operations';

/** What one file is, as the multipart request described it. */
export interface UploadedFileInfo {
  fileName: string;
  /** The part's content type; empty when the client sent none. */
  mimeType: string;
}

/** Where the files of one kind of upload go and how they are described to that service. */
export interface UploadTarget {
  /** What the files are, for messages and logs. */
  kind: 'statement' | 'voucher';
  /** The service endpoint each file is streamed to (POST). */
  url: string;
  maxFileBytes: number;
  /** The headers that describe one file to the service (besides the signed actor). */
  headers: (file: UploadedFileInfo) => Record<string, string>;
}

export interface UploadTargetOptions {
  /** The reconciliation service's base URL (no /graphql). */
  reconciliationUrl: string;
  /** The settlement service's base URL (no /graphql). */
  settlementUrl: string;
  maxStatementBytes: number;
  maxVoucherBytes: number;
}

/** Mutation field (the schema's, not an alias) → where the files of that mutation go. */
export type UploadTargets = ReadonlyMap<string, UploadTarget>;

/**
 * The mutations that take files, by the scalar their input carries: `StatementUpload`
 * (reconciliation's `importStatement`) and the settlement voucher (`settleSettlement`).
 * A multipart request for any other field is refused: the gateway would not know where
 * its files belong.
 */
export function uploadTargets(options: UploadTargetOptions): UploadTargets {
  const statements: UploadTarget = {
    kind: 'statement',
    url: `${options.reconciliationUrl}/internal/statement-uploads`,
    maxFileBytes: options.maxStatementBytes,
    // The reconciliation service sniffs the format itself; the type is not passed on.
    headers: (file) => ({
      'content-type': 'application/octet-stream',
      'x-statement-file-name': encodeURIComponent(file.fileName || 'statement'),
    }),
  };
  const vouchers: UploadTarget = {
    kind: 'voucher',
    url: `${options.settlementUrl}/internal/voucher-uploads`,
    maxFileBytes: options.maxVoucherBytes,
    headers: (file) => ({
      'content-type': file.mimeType || 'application/octet-stream',
      'x-voucher-file-name': encodeURIComponent(file.fileName || 'voucher'),
    }),
  };
  return new Map([
    ['importStatement', statements],
    ['settleSettlement', vouchers],
  ]);
}

/**
 * The one target the files of a multipart request go to, from the top-level fields of
 * the operation it runs (the named one, or the only one). Every top-level field must be
 * an upload mutation of the table and all of them must share one target: files are
 * placed by variable path, so a request mixing targets could not say which file is
 * whose.
 */
export function targetOfOperation(operations: Record<string, unknown>, targets: UploadTargets): UploadTarget {
  const { document, operation } = operationToRun(operations);
  if (operation.operation !== 'mutation')
    throw new MultipartRequestError(`files are accepted by mutations only, not a ${operation.operation}`);
  const fields = topLevelFields(operation.selectionSet, document);
  if (fields.size === 0) throw new MultipartRequestError('the mutation selects no field that takes files');
  const chosen = new Set<UploadTarget>();
  for (const field of fields) {
    const target = targets.get(field);
    if (!target)
      throw new MultipartRequestError(
        `"${field}" does not take files (file uploads are for ${[...targets.keys()].join(', ')})`,
      );
    chosen.add(target);
  }
  if (chosen.size > 1)
    throw new MultipartRequestError(
      `one request may carry files for one kind of upload only, not ${[...chosen].map((t) => t.kind).join(' and ')}`,
    );
  return [...chosen][0] as UploadTarget;
}

function operationToRun(operations: Record<string, unknown>): {
  document: DocumentNode;
  operation: OperationDefinitionNode;
} {
  if (typeof operations.query !== 'string' || !operations.query)
    throw new MultipartRequestError('"operations" needs a query');
  let document: DocumentNode;
  try {
    document = parse(operations.query, { noLocation: true, maxTokens: 100_000 });
  } catch (error) {
    throw new MultipartRequestError(
      `the query does not parse: ${error instanceof GraphQLError ? error.message : String(error)}`,
    );
  }
  const defined = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const name = operations.operationName;
  if (typeof name === 'string' && name) {
    const named = defined.find((d) => d.name?.value === name);
    if (!named) throw new MultipartRequestError(`no operation named "${name}" in the query`);
    return { document, operation: named };
  }
  if (defined.length !== 1)
    throw new MultipartRequestError(
      defined.length
        ? 'the query has several operations: name one in operationName'
        : 'the query has no operation',
    );
  return { document, operation: defined[0] as OperationDefinitionNode };
}

/** Field names (not aliases) at the root, through inline fragments and named fragments. */
function topLevelFields(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  into = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // __typename takes no files and goes nowhere; it does not decide the target.
      if (selection.name.value !== '__typename') into.add(selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      topLevelFields(selection.selectionSet, document, into, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        topLevelFields(fragment.selectionSet, document, into, seen);
    }
  }
  return into;
}
