import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { onTracingStop } from './lifecycle';
import { serviceNameOf } from './settings';

type Env = Record<string, string | undefined>;

let provider: NodeTracerProvider | null = null;

/** Starts the tracer provider and the instrumentations (stopTracing flushes them at a graceful stop). */
export function startTracing(env: Env, entry: string): void {
  if (provider) return;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? serviceNameOf(entry) }),
    // Batch size, delay and queue come from OTEL_BSP_*; endpoint and headers from OTEL_EXPORTER_OTLP_*.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  const started = provider;
  onTracingStop(async () => {
    await started.shutdown();
    provider = null;
  });
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({
        // Health probes and metrics scrapes would drown the traces that matter.
        ignoreIncomingRequestHook: (request) => /^\/(health|ready|metrics)\b/.test(request.url ?? ''),
      }),
      // The global fetch (undici): internal calls between services and outbox forwarding.
      new UndiciInstrumentation(),
      new ExpressInstrumentation(),
      new PgInstrumentation(),
    ],
  });
}
