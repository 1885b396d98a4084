// OpenTelemetry tracing, off unless the standard variables ask for it. Imported first by
// every process entry (before express, pg or http are loaded, so they can be patched):
//
//   OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318   (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
//   OTEL_TRACES_EXPORTER=otlp                           (with the endpoint's default, localhost:4318)
//   OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER(_ARG),
//   OTEL_BSP_SCHEDULE_DELAY, OTEL_EXPORTER_OTLP_HEADERS   (read by the SDK itself)
//   OTEL_SDK_DISABLED=true                              (off, whatever else is set)
//
// Spans: every HTTP request in and out, through node:http and the global fetch (W3C trace
// context travels with the gateway's subgraph fetches and every internal call), express
// routes, PostgreSQL statements, Apollo Gateway's own planning and fetch spans, and the
// outbox's deliveries, which continue the trace stored in their events. Exported over
// OTLP/HTTP.
import { tracingRequested } from './settings';

// The SDK is loaded only when asked for: an untraced process never pays for it.
if (tracingRequested(process.env)) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./tracing') as typeof import('./tracing')).startTracing(process.env, process.argv[1] ?? '');
}
