import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { currentTraceCarrier, inEventTraces } from './event-trace';

describe('outbox events carry their trace', () => {
  it('stores nothing while nothing is traced', async () => {
    expect(currentTraceCarrier()).toBeNull();
    expect(await inEventTraces('deliver', [null, undefined], async () => 'delivered')).toBe('delivered');
  });

  describe('with a tracer provider', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    beforeAll(() => provider.register());
    afterAll(() => provider.shutdown());

    /** The carrier an event written inside a span of its own trace would hold. */
    const carrierOfNewTrace = () =>
      trace.getTracer('test').startActiveSpan('request', (span) => {
        const carrier = currentTraceCarrier();
        span.end();
        return { carrier, traceId: span.spanContext().traceId, spanId: span.spanContext().spanId };
      });

    it('continues the first event’s trace and links the others', async () => {
      const first = carrierOfNewTrace();
      const second = carrierOfNewTrace();
      expect(first.carrier?.traceparent).toBe(`00-${first.traceId}-${first.spanId}-01`);
      exporter.reset();

      let inside: string | undefined;
      await inEventTraces('outbox deliver ledger', [first.carrier, null, second.carrier], async () => {
        inside = trace.getActiveSpan()?.spanContext().traceId;
      });
      const [span] = exporter.getFinishedSpans();
      expect(span?.name).toBe('outbox deliver ledger');
      expect(inside).toBe(first.traceId);
      expect(span?.spanContext().traceId).toBe(first.traceId);
      expect(span?.parentSpanContext?.spanId).toBe(first.spanId);
      expect(span?.links.map((link) => link.context.traceId)).toEqual([second.traceId]);
    });

    it('ends its span when the delivery fails, and the failure reaches the relay', async () => {
      const { carrier } = carrierOfNewTrace();
      exporter.reset();
      await expect(
        inEventTraces('outbox deliver ledger', [carrier], async () => {
          throw new Error('ledger unreachable');
        }),
      ).rejects.toThrow('ledger unreachable');
      expect(exporter.getFinishedSpans().map((span) => span.status)).toEqual([
        { code: 2 /* ERROR */, message: 'ledger unreachable' },
      ]);
    });
  });
});
