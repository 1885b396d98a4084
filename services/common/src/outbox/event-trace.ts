import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Link,
} from '@opentelemetry/api';

/** W3C trace context (`traceparent`, `tracestate`) as carried inside an outbox event. */
export type TraceCarrier = Record<string, string>;

/**
 * The trace the current code runs in, to store with an event it writes; null when
 * nothing is traced (no SDK registered: the API's propagator injects nothing).
 */
export function currentTraceCarrier(): TraceCarrier | null {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : null;
}

const tracer = () => trace.getTracer('@pay/common/outbox');

/**
 * Runs a consumer's delivery of a batch in a span that continues the trace of the
 * batch's first traced event and links the others (OpenTelemetry's batch-processing
 * shape), so what the delivery does — an HTTP call to another service, its SQL — shows
 * up in the trace of the request that wrote the event. Untraced events: `deliver` alone.
 */
export async function inEventTraces<T>(
  name: string,
  carriers: readonly (TraceCarrier | null | undefined)[],
  deliver: () => Promise<T>,
): Promise<T> {
  const contexts: Context[] = carriers
    .filter((carrier): carrier is TraceCarrier => !!carrier)
    .map((carrier) => propagation.extract(ROOT_CONTEXT, carrier))
    .filter((extracted) => trace.getSpanContext(extracted) !== undefined);
  const [parent, ...others] = contexts;
  if (!parent) return deliver();
  const links: Link[] = others.map((other) => ({ context: trace.getSpanContext(other)! }));
  return tracer().startActiveSpan(name, { kind: SpanKind.CONSUMER, links }, parent, async (span) => {
    try {
      return await deliver();
    } catch (error) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
      throw error;
    } finally {
      span.end();
    }
  });
}
