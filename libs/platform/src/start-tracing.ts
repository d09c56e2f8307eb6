// Imported first by every service's main.ts (before anything loads express, graphql, ioredis or mysql2), so that
// OpenTelemetry can instrument them. Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (libs/platform/src/tracing.ts).
import { serviceOfProcess, startTracing } from './tracing';

startTracing(serviceOfProcess());
