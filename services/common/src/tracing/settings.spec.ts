import { serviceNameOf, tracingRequested } from './settings';

describe('tracing settings (the standard OTEL_* variables)', () => {
  it('is off by default', () => {
    expect(tracingRequested({})).toBe(false);
  });

  it('is on with an OTLP endpoint or the OTLP exporter', () => {
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
  });

  it('stays off when disabled or told `none`, whatever else is set', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(tracingRequested({ ...endpoint, OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracingRequested({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(false);
  });

  it('names the service after its workspace when OTEL_SERVICE_NAME is not set', () => {
    expect(serviceNameOf('/app/services/orders/dist/index.js')).toBe('orders');
    expect(serviceNameOf('/app/gateway/dist/index.js')).toBe('gateway');
    expect(serviceNameOf('')).toBe('payoffice');
  });
});
