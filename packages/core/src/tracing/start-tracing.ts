import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOnSampler, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Config } from '../config/config';

export interface Tracing {
  tracer: Tracer;
  /** Exports every span ended so far. */
  flush(): Promise<void>;
  /** Exports what is left, then stops. */
  close(): Promise<void>;
}

/**
 * Spans exported over OTLP/HTTP (JSON) when tracing is configured; `undefined` otherwise, and
 * then nothing is recorded at all. The provider is never registered globally: spans are started
 * only by our own code (no auto-instrumentation), with the parent taken from the log context.
 * Every trace is kept (AlwaysOn): sample in the collector, where whole traces can be judged.
 */
export function startTracing(config: Config['tracing'], service: 'web' | 'worker'): Tracing | undefined {
  if (!config) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName ?? `healthcare-${service}` }),
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl }))],
  });
  return {
    tracer: provider.getTracer('healthcare'),
    flush: () => provider.forceFlush(),
    close: () => provider.shutdown(),
  };
}
