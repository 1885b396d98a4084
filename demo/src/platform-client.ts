import type { Actor } from '@pay/common';

/** Where the running platform is and how to sign its tokens (the demo JWT secret). */
export interface DemoPlatform {
  /** The gateway's base URL, e.g. http://127.0.0.1:4000. */
  gatewayUrl: string;
  /** The orders service's base URL: the sandbox channel lives there. */
  ordersUrl: string;
  /**
   * The orders service's `/metrics` (on its internal metrics listener, not `ordersUrl`):
   * the demo reads `outbox_pending_events` there to wait for the outbox to drain.
   */
  ordersMetricsUrl?: string;
  token: (actor: Actor) => string;
}

/** The demo's people: two operators (maker and checker), an analyst, the merchants. */
export const DEMO_ACTORS = {
  operator: { sub: 'demo-operator', role: 'OPERATOR' },
  checker: { sub: 'demo-checker', role: 'OPERATOR' },
  analyst: { sub: 'demo-analyst', role: 'ANALYST' },
  merchant: (merchantId: number): Actor => ({ sub: `merchant:${merchantId}`, role: 'MERCHANT', merchantId }),
} satisfies Record<string, Actor | ((id: number) => Actor)>;

/** A step of the demo that the platform refused: the demo stops and says which. */
export class DemoStepError extends Error {
  override name = 'DemoStepError';
}

interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Every call has a deadline: a demo that hangs is worse than one that says why it stopped. */
const DEADLINE_MS = 30_000;

/** GraphQL over HTTP through the gateway, as the console or any frontend calls it. */
export class PlatformClient {
  constructor(readonly platform: DemoPlatform) {}

  async gql<T>(query: string, variables: Record<string, unknown>, actor: Actor): Promise<T> {
    const response = await fetch(`${this.platform.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.platform.token(actor)}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(DEADLINE_MS),
    });
    return this.dataOf<T>(response, query);
  }

  /** A GraphQL multipart request (the upload spec) with one file at `filePath` of the variables. */
  async upload<T>(
    query: string,
    variables: Record<string, unknown>,
    filePath: string,
    file: { bytes: Uint8Array; name: string; type: string },
    actor: Actor,
  ): Promise<T> {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query, variables }));
    form.set('map', JSON.stringify({ 0: [filePath] }));
    form.set('0', new Blob([file.bytes], { type: file.type }), file.name);
    const response = await fetch(`${this.platform.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.platform.token(actor)}`, 'apollo-require-preflight': 'true' },
      body: form,
      signal: AbortSignal.timeout(DEADLINE_MS),
    });
    return this.dataOf<T>(response, query);
  }

  /** The orders service's metrics in the Prometheus text format. */
  async ordersMetrics(): Promise<string> {
    const url = this.platform.ordersMetricsUrl;
    if (!url)
      throw new DemoStepError('ordersMetricsUrl is not set: the demo reads the orders outbox from it');
    const response = await fetch(url, { signal: AbortSignal.timeout(DEADLINE_MS) });
    if (!response.ok) throw new DemoStepError(`${url} answered ${response.status}`);
    return response.text();
  }

  /** A plain HTTP call to the sandbox channel (statements, payments). */
  async sandbox(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(new URL(path, this.platform.ordersUrl), {
      ...init,
      signal: AbortSignal.timeout(DEADLINE_MS),
    });
    if (!response.ok)
      throw new DemoStepError(
        `sandbox ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    return response;
  }

  private async dataOf<T>(response: Response, query: string): Promise<T> {
    const text = await response.text();
    let body: GraphQLBody<T>;
    try {
      body = JSON.parse(text) as GraphQLBody<T>;
    } catch {
      throw new DemoStepError(`the gateway answered ${response.status} without JSON: ${text.slice(0, 300)}`);
    }
    if (body.errors?.length || !body.data) {
      const operation = /(?:mutation|query)?[^{]*\{\s*(\w+)/.exec(query)?.[1] ?? 'operation';
      const errors = (body.errors ?? [])
        .map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`)
        .join('; ');
      throw new DemoStepError(`${operation} failed: ${errors || `HTTP ${response.status}`}`);
    }
    return body.data;
  }
}
