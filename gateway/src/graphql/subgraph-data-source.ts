import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import CircuitBreaker from 'opossum';
import {
  ACTOR_HEADER,
  AppError,
  logger,
  signActorHeader,
  signClaimHeader,
  SIGNATURE_VERDICT_HEADER,
} from '@pay/common';
import type { SubgraphCallPolicy } from '../config';
import type { GatewayContext } from './context';
import type { ForwardedAnswer } from './single-subgraph-passthrough';
import { keepAliveFetcher } from './keep-alive-fetcher';
import type { SubgraphForwarder } from './single-subgraph-passthrough';

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];
type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;
/** One call to the subgraph: the planned fetch or the passthrough (single-subgraph-passthrough.ts). */
type Call<T> = () => Promise<T>;

/**
 * Forwards the verified actor to subgraphs in a header signed with the internal
 * secret; subgraphs refuse calls without it. The actor carries the caller's IP as
 * `authenticate` established it (`req.ip` under TRUST_PROXY, see auth/client-ip.ts), so
 * subgraphs can check IP allow-lists. The client's own headers are not passed on.
 *
 * A subgraph that stops answering must not hang the gateway: every call is aborted after
 * `policy.timeoutMs`, and calls go through a circuit breaker per subgraph, so one that
 * keeps failing (no answer, refused connection, 5xx) is left alone for a while instead
 * of being hammered. Either way the client gets `DEPENDENCY_UNAVAILABLE` naming the
 * subgraph, within the deadline. GraphQL errors the subgraph answers (and 4xx answers)
 * are the caller's business: they pass through and do not count against the breaker.
 */
export class SignedActorDataSource
  extends RemoteGraphQLDataSource<GatewayContext>
  implements SubgraphForwarder
{
  private readonly breaker: CircuitBreaker<[Call<unknown>], unknown>;
  private readonly closeConnections: () => void;

  constructor(
    url: string,
    private readonly internalSecret: string,
    private readonly subgraph: { name: string; policy: SubgraphCallPolicy },
  ) {
    // Kept-alive connections to the subgraph, reused by every call (keep-alive-fetcher.ts).
    // The deadline covers the whole exchange: connecting, the answer's headers and its body.
    const transport = keepAliveFetcher(url, subgraph.policy.timeoutMs);
    super({ url, fetcher: transport.fetcher });
    this.closeConnections = transport.close;
    const { name, policy } = subgraph;
    this.breaker = new CircuitBreaker((call: Call<unknown>) => call(), {
      name,
      // The fetch's own signal is the deadline (it also frees the socket); no second timer.
      timeout: false,
      errorThresholdPercentage: policy.breaker.errorPercent,
      volumeThreshold: policy.breaker.minCalls,
      resetTimeout: policy.breaker.resetMs,
      rollingCountTimeout: policy.breaker.windowMs,
      // Only the subgraph being unavailable counts as a failure of the circuit.
      errorFilter: (error: unknown) => !isUnavailability(error),
    });
    this.breaker.on('open', () =>
      logger().warn({ subgraph: name, resetMs: policy.breaker.resetMs }, 'subgraph circuit open'),
    );
    this.breaker.on('halfOpen', () => logger().info({ subgraph: name }, 'subgraph circuit half-open'));
    this.breaker.on('close', () => logger().info({ subgraph: name }, 'subgraph circuit closed'));
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if (!context.actor) return;
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
    if (context.claim) {
      // A claim reaches a planned fetch only with the check that settles it (GatewayContext).
      if (!context.claimCheck) throw new Error('a claimed actor reached a planned subgraph fetch');
      if (context.claimCheck.subgraph === this.subgraph.name) {
        request.http?.headers.set(
          ACTOR_HEADER,
          signClaimHeader({ actor: context.actor, proof: context.claim }, this.internalSecret),
        );
        request.extensions = { ...request.extensions, ...context.claimCheck.extensions };
        return;
      }
    }
    request.http?.headers.set(ACTOR_HEADER, signActorHeader(context.actor, this.internalSecret));
  }

  /** Notes what the subgraph that checks a claim said of it (see willSendRequest). */
  override didReceiveResponse({
    response,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    const check = context.claimCheck;
    if (context.claim && check?.subgraph === this.subgraph.name) {
      const verdict = response.http?.headers.get(SIGNATURE_VERDICT_HEADER) ?? undefined;
      // Each of its fetches is checked; a refusal, once given, stands.
      if (verdict !== undefined && (check.verdict === undefined || check.verdict === 'ok'))
        check.verdict = verdict;
    }
    return response;
  }

  override async process(options: ProcessOptions): Promise<ProcessResult> {
    // The passthrough already called this subgraph for this request and it failed.
    const failure = options.context.subgraphFailure;
    if (failure?.subgraph === this.subgraph.name) throw this.unavailable(failure.error) ?? failure.error;
    try {
      return (await this.breaker.fire(() => super.process(options))) as ProcessResult;
    } catch (error) {
      throw this.unavailable(error) ?? error;
    }
  }

  /**
   * The client's own request, signed like a planned fetch, under the same deadline and
   * circuit breaker; a 5xx answer counts against the circuit as it does for `process`.
   */
  async forward(body: string, context: GatewayContext): Promise<ForwardedAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (context.actor)
      headers[ACTOR_HEADER] = context.claim
        ? signClaimHeader({ actor: context.actor, proof: context.claim }, this.internalSecret)
        : signActorHeader(context.actor, this.internalSecret);
    if (context.requestId) headers['x-request-id'] = context.requestId;
    const call = async () => {
      const response = await this.fetcher(this.url!, { method: 'POST', headers, body });
      if (response.status >= 500) {
        throw new GraphQLError(`${response.status}: ${response.statusText}`, {
          extensions: { response: { status: response.status } },
        });
      }
      const signatureVerdict = response.headers.get(SIGNATURE_VERDICT_HEADER) ?? undefined;
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()), signatureVerdict };
    };
    return (await this.breaker.fire(call)) as ForwardedAnswer;
  }

  /** Stops the breaker's timers and closes the kept-alive connections (the gateway's stop). */
  shutdown(): void {
    this.breaker.shutdown();
    this.closeConnections();
  }

  /** DEPENDENCY_UNAVAILABLE for a call that failed because of the subgraph; null otherwise. */
  private unavailable(error: unknown): AppError | null {
    const { name, policy } = this.subgraph;
    const details = { service: name };
    const codeOf = (error as { code?: unknown }).code;
    if (codeOf === 'EOPENBREAKER') {
      return new AppError(
        'DEPENDENCY_UNAVAILABLE',
        `the ${name} service is unavailable (it failed repeatedly; calls resume within ${policy.breaker.resetMs} ms)`,
        { ...details, reason: 'circuit open' },
      );
    }
    if (!isUnavailability(error)) return null;
    if (isTimeout(error)) {
      return new AppError(
        'DEPENDENCY_UNAVAILABLE',
        `the ${name} service did not answer within ${policy.timeoutMs} ms`,
        { ...details, reason: 'timeout' },
      );
    }
    logger().warn({ subgraph: name, err: error }, 'subgraph call failed');
    return new AppError('DEPENDENCY_UNAVAILABLE', `the ${name} service could not be reached`, {
      ...details,
      reason: error instanceof GraphQLError ? error.message : 'connection failed',
    });
  }
}

function isTimeout(error: unknown): boolean {
  const { name, type } = error as { name?: unknown; type?: unknown };
  return name === 'AbortError' || name === 'TimeoutError' || type === 'aborted';
}

/**
 * The subgraph did not answer usefully: the deadline passed, the connection failed, or it
 * answered with a 5xx status. A GraphQLError from a 4xx answer (the subgraph is up and
 * refused the request) and anything else is not the subgraph's unavailability.
 */
function isUnavailability(error: unknown): boolean {
  if (error instanceof GraphQLError) {
    const status = (error.extensions.response as { status?: unknown } | undefined)?.status;
    return typeof status === 'number' && status >= 500;
  }
  if (!error || typeof error !== 'object') return false;
  // The fetcher (keep-alive-fetcher.ts, in minipass-fetch's manner) rejects with FetchError
  // for network failures and a TimeoutError when its deadline passes.
  const { name } = error as { name?: unknown };
  return isTimeout(error) || name === 'FetchError';
}
