export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [k: string]: unknown };
  }[];
}

/** Posts a GraphQL operation over real HTTP. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: GraphQLResponse<T>;
  try {
    body = JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new Error(`non-JSON response (${response.status}): ${text.slice(0, 500)}`);
  }
  return { status: response.status, body };
}

/** Returns `data`, failing with the errors printed when there are any. */
export function dataOf<T>(result: { status: number; body: GraphQLResponse<T> }): T {
  if (result.body.errors?.length || !result.body.data) {
    throw new Error(`GraphQL errors (HTTP ${result.status}): ${JSON.stringify(result.body.errors, null, 2)}`);
  }
  return result.body.data;
}

/** The error codes of a response, in order. */
export function errorCodes(result: { body: GraphQLResponse<unknown> }): string[] {
  return (result.body.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE'));
}
