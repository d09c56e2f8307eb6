// OpenTelemetry traces across the gateway, the subgraphs and the report worker. Off unless an OTLP endpoint is
// configured (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the standard variables; OTLP over
// HTTP with JSON). It must start before express, graphql, ioredis or mysql2 are loaded, so that their
// instrumentations can patch them: each service's main.ts imports '@thidua/platform/tracing' first, and this module
// imports none of them.
import { basename, dirname } from 'node:path';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

let provider: NodeTracerProvider | null = null;

/** True when traces are exported (an OTLP endpoint is configured). */
export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true';
}

/**
 * Start exporting traces for this process (`service.name` thidua-<service>, or OTEL_SERVICE_NAME). Incoming and
 * outgoing HTTP (fetch included: the gateway's calls to subgraphs and the services' calls to the graph carry the
 * W3C traceparent header), Express routes, GraphQL operations, Redis and MySQL/MariaDB statements become spans.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (provider || !tracingEnabled(env)) return !!provider;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? `thidua-${service}`, 'service.namespace': 'thidua' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 1000 })],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => !!req.url?.startsWith('/health') || req.url === '/metrics' }),
      new UndiciInstrumentation(),
      // Routes and routers, not every middleware (request ids, JSON parsing, …) of every request.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      new IORedisInstrumentation(),
      new MySQL2Instrumentation(),
    ],
  });
  return true;
}

/** Send the spans still buffered (before the process exits). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush().catch(() => undefined);
}

/** Stop exporting (tests that start tracing in-process). */
export async function stopTracing(): Promise<void> {
  const p = provider;
  provider = null;
  await p?.shutdown().catch(() => undefined);
}

/** The current trace context as W3C headers, to carry across a queue (a job's payload). */
export function traceCarrier(): Record<string, string> | undefined {
  if (!provider) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length ? carrier : undefined;
}

/** Run a job inside a span that continues the trace of whoever enqueued it. */
export async function withJobSpan<T>(name: string, carrier: Record<string, string> | undefined, run: () => Promise<T>): Promise<T> {
  if (!provider) return run();
  const parent: Context = carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
  const tracer = trace.getTracer('thidua-jobs');
  return tracer.startActiveSpan(`job ${name}`, { kind: SpanKind.CONSUMER, attributes: { 'messaging.operation.type': 'process', 'messaging.destination.name': name } }, parent, async (span) => {
    try {
      return await run();
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: String((err as Error)?.message ?? err) });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** The service of this process from its bundle's path (dist/apps/<service>/main.js). */
export function serviceOfProcess(argv: string[] = process.argv): string {
  return argv[1] ? basename(dirname(argv[1])) : 'thidua';
}
