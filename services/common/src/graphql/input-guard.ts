import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  BREAK,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type VariableDefinitionNode,
  type ValueNode,
} from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/** The earliest and latest instants a DateTimeISO argument may name (PostgreSQL and JS both hold them). */
export const DATE_TIME_RANGE = {
  min: Date.parse('1900-01-01T00:00:00Z'),
  max: Date.parse('9999-12-31T23:59:59.999Z'),
} as const;

/** An argument the guard refused: its path (`input.note`, `codes[2]`) and why. */
export interface InputProblem {
  argument: string;
  message: string;
}

type Check = (value: unknown) => string | null;

/**
 * DateTimeISO as the subgraphs parse it (graphql-scalars' RFC 3339 date-time), and within
 * {@link DATE_TIME_RANGE}. The gateway's supergraph knows the scalar only by name, so
 * without this an invalid date reached a subgraph and came back as an internal error.
 */
const checkDateTime: Check = (value) => {
  let parsed: unknown;
  try {
    parsed = GraphQLDateTimeISO.parseValue(value);
  } catch {
    return 'is not an ISO 8601 date-time (e.g. 2025-01-31T16:00:00Z)';
  }
  const time = parsed instanceof Date ? parsed.getTime() : Number.NaN;
  if (!(time >= DATE_TIME_RANGE.min && time <= DATE_TIME_RANGE.max))
    return 'is outside the supported range (years 1900 to 9999)';
  return null;
};

/** Custom scalars checked by name, wherever their implementation lives. */
const SCALAR_CHECKS: Record<string, Check> = { DateTimeISO: checkDateTime };

const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain a NUL character (\\u0000)';

/** Any string anywhere in a JSON value (JSON scalars, lists, objects) that holds a NUL. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}

function literalValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.LIST:
      return node.values.map((item) => literalValue(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalValue(f.value, variables)]));
  }
}

function checkScalar(type: GraphQLScalarType, value: unknown, path: string): InputProblem | null {
  if (value === null || value === undefined) return null;
  if (hasNul(value)) return { argument: path, message: NUL_MESSAGE };
  const check = isSpecifiedScalarType(type) ? undefined : SCALAR_CHECKS[type.name];
  const reason = check?.(value);
  return reason ? { argument: path, message: reason } : null;
}

/** A variable's (JSON) value against its input type. */
function checkValue(value: unknown, type: GraphQLInputType, path: string): InputProblem | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return checkValue(value, type.ofType, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (const [index, item] of items.entries()) {
      const problem = checkValue(item, type.ofType, Array.isArray(value) ? `${path}[${index}]` : path);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return null; // coercion reports it
    const fields = type.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (!field) continue; // coercion reports unknown fields
      const problem = checkValue(fieldValue, field.type, `${path}.${name}`);
      if (problem) return problem;
    }
    return null;
  }
  if (isEnumType(type)) return null;
  return isScalarType(type) ? checkScalar(type, value, path) : null;
}

/** An argument's literal (which may hold variables) against its input type. */
function checkLiteral(
  node: ValueNode,
  type: GraphQLInputType,
  path: string,
  variables: Record<string, unknown>,
): InputProblem | null {
  if (node.kind === Kind.VARIABLE) return checkValue(variables[node.name.value], type, path);
  if (node.kind === Kind.NULL) return null;
  if (isNonNullType(type)) return checkLiteral(node, type.ofType, path, variables);
  if (isListType(type)) {
    if (node.kind !== Kind.LIST) return checkLiteral(node, type.ofType, path, variables);
    for (const [index, item] of node.values.entries()) {
      const problem = checkLiteral(item, type.ofType, `${path}[${index}]`, variables);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (node.kind !== Kind.OBJECT) return null; // validation reports it
    const fields = type.getFields();
    for (const fieldNode of node.fields) {
      const field = fields[fieldNode.name.value];
      if (!field) continue;
      const problem = checkLiteral(fieldNode.value, field.type, `${path}.${fieldNode.name.value}`, variables);
      if (problem) return problem;
    }
    return null;
  }
  if (isEnumType(type)) return null;
  return isScalarType(type) ? checkScalar(type, literalValue(node, variables), path) : null;
}

/**
 * The first argument of `document` (inline literal or variable, at any depth of an input
 * object or list, in fields and directives alike) that no service can store or parse: a
 * string holding a NUL character (PostgreSQL refuses it) or a DateTimeISO that is not a
 * real date in {@link DATE_TIME_RANGE}. Its path names the argument as the schema does.
 */
export function findInputProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): InputProblem | null {
  const typeInfo = new TypeInfo(schema);
  let found: InputProblem | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return undefined; // validation reports unknown arguments
        found = checkLiteral(node.value, argument.type, node.name.value, variables);
        return found ? BREAK : undefined;
      },
    }),
  );
  return found;
}

/**
 * The first variable value that no service can store or parse, checked against the
 * variable's declared type: what {@link findInputProblem} finds through variables, for a
 * document whose literals were already checked (the gateway's passthrough checks those
 * once per query text).
 */
export function findVariableProblem(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  variables: Record<string, unknown>,
): InputProblem | null {
  for (const definition of definitions) {
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue; // validation reports it
    const name = definition.variable.name.value;
    const problem = checkValue(variables[name], type, name);
    if (problem) return problem;
  }
  return null;
}

/** The error a refused argument becomes: BAD_USER_INPUT naming the argument. */
export function inputProblemError(problem: InputProblem, httpStatus?: number): GraphQLError {
  return new GraphQLError(`Argument "${problem.argument}" ${problem.message}`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      argument: problem.argument,
      ...(httpStatus ? { http: { status: httpStatus } } : {}),
    },
  });
}

/**
 * An Apollo Server plugin that refuses, before anything runs, an operation whose
 * arguments hold a NUL character or an invalid DateTimeISO (see {@link findInputProblem})
 * with BAD_USER_INPUT and `extensions.argument`. The gateway answers it with HTTP 400;
 * subgraphs with 200 (`httpStatus`), because the gateway reads any other status of a
 * subgraph as a transport failure and would mask the error as INTERNAL_SERVER_ERROR.
 */
export function inputGuardPlugin<C extends BaseContext>(options: {
  httpStatus: number;
}): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const problem = findInputProblem(schema, document, request.variables ?? {});
          if (problem) throw inputProblemError(problem, options.httpStatus);
        },
      };
    },
  };
}
