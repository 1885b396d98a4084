import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/**
 * Composes subgraph SDLs into the supergraph the gateway serves (static composition:
 * no IntrospectAndCompose in production). Throws with every composition error.
 */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(
      `supergraph composition failed:\n${(result.errors ?? []).map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}
