import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process, exposed in the Prometheus text format at `/metrics` on the
 * process's internal metrics listener (`startMetricsServer`), never on its public port.
 */
export const metricsRegistry = new Registry();
// The event-loop lag sampler is a timer: at prom-client's default 10 ms it wakes every
// idle process 100 times a second. Ten samples a second still show lag.
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 100 });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** Counted by `graphqlMetricsPlugin` (gateway and subgraphs) once per operation answered. */
export const graphqlOperations = new Counter({
  name: 'graphql_operations_total',
  help: 'GraphQL operations by type (query, mutation, subscription; unknown when the document did not parse or validate), operation name and outcome (success or error)',
  labelNames: ['type', 'operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const outboxPending = new Gauge({
  name: 'outbox_pending_events',
  help: 'Outbox events not yet delivered, by consumer',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});

export const outboxDelivered = new Counter({
  name: 'outbox_delivered_events_total',
  help: 'Outbox events delivered, by consumer',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});
