import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';

/**
 * The console's GraphQL client: the gateway's /graphql with the signed-in user's bearer
 * token. A 401 (expired or revoked token) signs the user out.
 */
export function createGraphQLClient(token: string, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      mapExchange({
        onError(error) {
          const status = (error.response as Response | undefined)?.status;
          if (status === 401) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    requestPolicy: 'cache-and-network',
    // POST with JSON: the gateway's CSRF prevention refuses simple GET requests without a preflight header.
    preferGetMethod: false,
  });
}
