import {
  BREAK,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode } from '@apollo/query-planner';
import { countGraphqlOperation, findInputProblem, findVariableProblem } from '@pay/common';
import type { GatewayContext } from './context';

/** A subgraph's answer to a forwarded request; `signatureVerdict` when it checked a claimed actor. */
export interface ForwardedAnswer {
  status: number;
  body: Buffer;
  signatureVerdict?: string;
}

/** What the passthrough needs of a subgraph: one signed call under its deadline and breaker. */
export interface SubgraphForwarder {
  forward(body: string, context: GatewayContext): Promise<ForwardedAnswer>;
}

/** A failed passthrough call, for the data source to answer without calling again. */
export interface SubgraphFailure {
  subgraph: string;
  error: unknown;
}

/** Why a query qualifies: the one subgraph that answers all of it, and what to check per call. */
interface Eligible {
  subgraph: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** Verdicts kept per query text; a client sending ever new texts only empties this now and then. */
const MAX_VERDICTS = 1000;

/**
 * The gateway's fast path for a query one subgraph answers whole. Apollo Gateway parses
 * every subgraph answer, reshapes it along the client's operation and serialises it
 * again; for a query whose plan is a single fetch with nothing required from another
 * subgraph, the subgraph executing the client's own document answers exactly what
 * the client asked for, so its bytes are sent on unchanged (bench/gateway-orders.mjs: that
 * work was most of what the gateway added to a page of orders).
 *
 * The verdict is made once per query text: parsed with the token limit and validated
 * against the API schema with the gateway's own rules (depth, aliases, cost), a query
 * (never a mutation), no introspection (its policy is the gateway's), and a plan of one
 * plain fetch. Per call the variables are checked against the API schema and by the input
 * guard. Anything else, and every answer that is not a plain `{"data":…}` with status 200
 * (errors, extensions), takes the normal path — a query may be asked twice, never
 * answered differently. A call that fails (deadline, connection, open circuit) is handed
 * to the normal path as `subgraphFailure`, which answers DEPENDENCY_UNAVAILABLE as it
 * always does, without a second call.
 */
export class SingleSubgraphPassthrough {
  private readonly verdicts: QueryVerdicts;

  constructor(
    private readonly options: {
      supergraphSdl: string;
      validationRules: readonly ValidationRule[];
      maxTokens: number;
      subgraph: (name: string) => SubgraphForwarder | undefined;
    },
  ) {
    this.verdicts = new QueryVerdicts(options);
  }

  /**
   * Sends `request` to the one subgraph that answers it whole: `answered` with the
   * subgraph's bytes, `failed` when the call failed (for the normal path to answer from),
   * `declined` when the request must take the normal path.
   */
  async send(request: GraphqlRequest, context: GatewayContext): Promise<PassthroughOutcome> {
    const verdict = this.verdicts.of(request.query, request.operationName);
    const forwarder = verdict && this.options.subgraph(verdict.subgraph);
    if (!verdict || !forwarder || !this.verdicts.acceptsVariables(verdict, request.variables))
      return DECLINED;
    let answer: ForwardedAnswer;
    try {
      answer = await forwarder.forward(JSON.stringify(request), context);
    } catch (error) {
      return { kind: 'failed', failure: { subgraph: verdict.subgraph, error } };
    }
    const { signatureVerdict } = answer;
    if (answer.status !== 200 || !isPlainData(answer.body))
      return signatureVerdict === undefined ? DECLINED : { kind: 'declined', signatureVerdict };
    countGraphqlOperation('query', request.operationName ?? verdict.operation.name?.value, 'success');
    return {
      kind: 'answered',
      body: answer.body,
      ...(signatureVerdict === undefined ? {} : { signatureVerdict }),
    };
  }

  /** The subgraph that would answer `request` whole through `send`, or null when it would be declined. */
  subgraphOf(request: GraphqlRequest): string | null {
    const verdict = this.verdicts.of(request.query, request.operationName);
    return verdict && this.verdicts.acceptsVariables(verdict, request.variables) ? verdict.subgraph : null;
  }
}

/** `signatureVerdict`: what the subgraph said of a claimed actor, when it was sent one. */
export type PassthroughOutcome =
  | { kind: 'answered'; body: Buffer; signatureVerdict?: string }
  | { kind: 'failed'; failure: SubgraphFailure }
  | { kind: 'declined'; signatureVerdict?: string };

const DECLINED: PassthroughOutcome = { kind: 'declined' };

export interface GraphqlRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** Only from the gateway itself (a folded signature verdict's proof); `plainRequest` never passes a client's on. */
  extensions?: Record<string, unknown>;
}

/** A JSON body of query, operation name and variables only (no persisted-query extensions). */
export function plainRequest(body: unknown): GraphqlRequest | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, operationName, variables, ...rest } = body as Record<string, unknown>;
  if (typeof query !== 'string' || Object.keys(rest).length > 0) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  )
    return null;
  return {
    query,
    ...(typeof operationName === 'string' ? { operationName } : {}),
    ...(variables ? { variables: variables as Record<string, unknown> } : {}),
  };
}

const DATA_PREFIX = Buffer.from('{"data":{');

/**
 * `{"data":{…}}` and nothing else at the top level. Inside JSON strings quotes are
 * escaped, so `"errors":` or `"extensions":` can only be keys; one in the data (a field
 * of that name) merely sends the query the normal way.
 */
function isPlainData(body: Buffer): boolean {
  return (
    body.subarray(0, DATA_PREFIX.length).equals(DATA_PREFIX) &&
    !body.includes('"errors":') &&
    !body.includes('"extensions":')
  );
}

/** The once-per-query-text verdicts, against the supergraph's API schema and query planner. */
export class QueryVerdicts {
  private readonly supergraph: Supergraph;
  private readonly planner: QueryPlanner;
  private readonly schema: GraphQLSchema;
  private readonly rules: readonly ValidationRule[];
  private readonly cache = new Map<string, Eligible | null>();

  constructor(
    private readonly options: {
      supergraphSdl: string;
      validationRules: readonly ValidationRule[];
      maxTokens: number;
    },
  ) {
    this.supergraph = Supergraph.build(options.supergraphSdl);
    this.planner = new QueryPlanner(this.supergraph);
    this.schema = this.supergraph.apiSchema().toGraphQLJSSchema();
    this.rules = [...specifiedRules, ...options.validationRules];
  }

  of(query: string, operationName?: string): Eligible | null {
    const key = `${operationName ?? ''}\n${query}`;
    let verdict = this.cache.get(key);
    if (verdict === undefined) {
      if (this.cache.size >= MAX_VERDICTS) this.cache.clear();
      verdict = this.judge(query, operationName);
      this.cache.set(key, verdict);
    }
    return verdict;
  }

  /** The call's variables as the normal path would accept them: coercible and guarded. */
  acceptsVariables(verdict: Eligible, variables: Record<string, unknown> = {}): boolean {
    const definitions = verdict.operation.variableDefinitions ?? [];
    if (definitions.length === 0) return true;
    const coerced = getVariableValues(this.schema, definitions, variables);
    if (coerced.errors?.length) return false;
    return findVariableProblem(this.schema, definitions, variables) === null;
  }

  private judge(query: string, operationName?: string): Eligible | null {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.options.maxTokens });
    } catch {
      return null;
    }
    if (validate(this.schema, document, this.rules).length > 0) return null;
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation !== 'query' || asksIntrospection(document)) return null;
    // Literals are checked here once; per call only the variables are (acceptsVariables).
    if (findInputProblem(this.schema, document) !== null) return null;
    try {
      const plan = this.planner.buildQueryPlan(
        operationFromDocument(this.supergraph.apiSchema(), document, operationName ? { operationName } : {}),
      );
      const node = plan.node;
      if (node?.kind !== 'Fetch' || !isPlainFetch(node)) return null;
      return { subgraph: node.serviceName, document, operation };
    } catch {
      return null;
    }
  }
}

function isPlainFetch(node: FetchNode): boolean {
  return (
    !node.requires?.length &&
    !node.inputRewrites?.length &&
    !node.outputRewrites?.length &&
    !node.contextRewrites?.length &&
    !node.hasDefers
  );
}

function asksIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
