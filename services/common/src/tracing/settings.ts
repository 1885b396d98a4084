import { basename, dirname } from 'node:path';

type Env = Record<string, string | undefined>;

/** Whether the standard variables ask for traces (an OTLP endpoint, or the OTLP exporter) and the SDK is not disabled. */
export function tracingRequested(env: Env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((name) => name.trim());
  if (exporters.includes('none')) return false;
  return (
    exporters.includes('otlp') ||
    Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT) ||
    Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
  );
}

/**
 * The service a process is, for `service.name` when OTEL_SERVICE_NAME is not set:
 * `…/services/orders/dist/index.js` → orders, `…/gateway/dist/index.js` → gateway.
 */
export function serviceNameOf(entry: string): string {
  const workspace = basename(dirname(dirname(entry)));
  return workspace && workspace !== '.' ? workspace : 'payoffice';
}
