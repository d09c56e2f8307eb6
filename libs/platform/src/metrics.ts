// Prometheus metrics of a service process (prom-client): HTTP requests, GraphQL operations and their errors, the
// gateway's subgraph failures, queue depth and failed jobs, and Node's own (CPU, memory, event loop, GC). Served on a
// port of their own (METRICS_PORT; off when unset) so that /metrics is never reachable through the public ingress.
import http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const httpRequests = new Counter({ name: 'thidua_http_requests_total', help: 'HTTP requests answered, by service, method, route and status', labelNames: ['service', 'method', 'route', 'status'], registers: [metricsRegistry] });
const httpDuration = new Histogram({ name: 'thidua_http_request_duration_seconds', help: 'HTTP request latency', labelNames: ['service', 'method', 'route'], buckets: SECONDS, registers: [metricsRegistry] });
const operations = new Counter({ name: 'thidua_graphql_operations_total', help: 'GraphQL operations executed, by service, operation name, type and outcome (ok or error)', labelNames: ['service', 'operation', 'type', 'outcome'], registers: [metricsRegistry] });
const operationDuration = new Histogram({ name: 'thidua_graphql_operation_duration_seconds', help: 'GraphQL operation latency', labelNames: ['service', 'operation', 'type'], buckets: SECONDS, registers: [metricsRegistry] });
const graphqlErrors = new Counter({ name: 'thidua_graphql_errors_total', help: 'Errors in GraphQL answers, by service and error code', labelNames: ['service', 'code'], registers: [metricsRegistry] });
const subgraphErrors = new Counter({ name: 'thidua_subgraph_errors_total', help: 'The gateway could not get an answer from a subgraph (timeout, unreachable, 5xx)', labelNames: ['subgraph', 'code'], registers: [metricsRegistry] });
const jobsFailed = new Counter({ name: 'thidua_jobs_failed_total', help: 'Jobs that used up their tries', labelNames: ['job'], registers: [metricsRegistry] });

/** First path segment the services route on; anything else (the web app's pages and assets) is "web". */
const ROUTES = new Set(['graphql', 'files', 'auth', 'queues', 'health']);
function routeOf(req: Request): string {
  const first = req.originalUrl.split('?')[0]?.split('/')[1] ?? '';
  return ROUTES.has(first) ? `/${first}` : 'web';
}

/** Count and time every HTTP request of a service (express middleware). */
export function httpMetrics(service: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = httpDuration.startTimer({ service, method: req.method });
    res.on('finish', () => {
      const route = routeOf(req);
      end({ route });
      httpRequests.inc({ service, method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

/** Operation names are chosen by clients: past this many distinct ones, the rest are counted as "other". */
const MAX_OPERATION_NAMES = 300;
const seenOperations = new Set<string>();
function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_NAMES || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
  seenOperations.add(name);
  return name;
}

/** Count and time every GraphQL operation, and the codes of the errors it answers (Apollo Server plugin). */
export function graphqlMetricsPlugin<T extends object>(service: string): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(rc) {
          const operation = operationLabel(rc.operationName);
          const type = rc.operation?.operation ?? 'unknown';
          const body = rc.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          operations.inc({ service, operation, type, outcome: errors.length ? 'error' : 'ok' });
          operationDuration.observe({ service, operation, type }, Number(process.hrtime.bigint() - started) / 1e9);
          for (const e of errors) graphqlErrors.inc({ service, code: String(e.extensions?.code ?? 'UNKNOWN') });
        },
      };
    },
  };
}

/** The gateway failed to get an answer from a subgraph. */
export function countSubgraphError(subgraph: string, code: string): void {
  subgraphErrors.inc({ subgraph, code });
}

/** A job used up its tries. */
export function countFailedJob(job: string): void {
  jobsFailed.inc({ job });
}

type QueueCounts = Record<string, Record<string, number>>;
const queueSources = new Set<() => Promise<QueueCounts>>();
new Gauge({
  name: 'thidua_queue_jobs',
  help: 'Jobs in each queue by state (waiting, active, delayed, failed, …), read when scraped',
  labelNames: ['queue', 'state'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const source of queueSources) {
      const counts = await source().catch(() => ({}) as QueueCounts);
      for (const [queue, states] of Object.entries(counts)) for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
    }
  },
});

/** Report queue depth from a job runner while it runs; returns the function that stops reporting. */
export function reportQueueDepth(source: () => Promise<QueueCounts>): () => void {
  queueSources.add(source);
  return () => queueSources.delete(source);
}

/** Serve /metrics on its own port (METRICS_PORT) for Prometheus; null when the port is unset. */
export async function serveMetrics(env: NodeJS.ProcessEnv = process.env): Promise<http.Server | null> {
  const raw = env.METRICS_PORT;
  if (!raw) return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`METRICS_PORT: "${raw}" không phải cổng hợp lệ`);
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, env.METRICS_HOST ?? env.HOST ?? '0.0.0.0', () => resolve()));
  server.unref();
  return server;
}
