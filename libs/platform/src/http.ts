import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Viewer } from './auth';
import { AppError, platformErrors } from './errors';
import { httpMetrics, serveMetrics } from './metrics';
import { flushTracing } from './tracing';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    log: Logger;
    /** Set by bearerAuth. */
    viewer: Viewer;
  }
}

/** Header carrying the request id from the gateway to every subgraph and back. */
export const REQUEST_ID_HEADER = 'x-request-id';

export interface ServiceHttpOptions {
  logger: Logger;
  /** Ready = the service can do its work (database reachable, …). */
  ready: () => Promise<boolean>;
  /** The service's name in its metrics (thidua_http_requests_total{service=…}). */
  service?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

/** An express app with request ids, request logs and /health/live + /health/ready. */
export function createServiceApp(opts: ServiceHttpOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header(REQUEST_ID_HEADER);
    req.requestId = incoming && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    req.log = opts.logger.child({ requestId: req.requestId });
    res.setHeader(REQUEST_ID_HEADER, req.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.path.startsWith('/health')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      req.log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  });
  if (opts.service) app.use(httpMetrics(opts.service));
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    const ok = await opts.ready().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' });
  });
  return app;
}

/** Final error handler: oversized and malformed bodies get a GraphQL-shaped Vietnamese error, nothing else leaks. */
export function errorHandler() {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const e = err as { type?: string; status?: number };
    if (e?.type === 'entity.too.large' || e?.status === 413) {
      res.status(413).json({ errors: [{ message: platformErrors.PAYLOAD_TOO_LARGE, extensions: { code: 'PAYLOAD_TOO_LARGE', requestId: req.requestId } }] });
      return;
    }
    if (e?.type === 'entity.parse.failed' || e?.status === 400) {
      res.status(400).json({ errors: [{ message: platformErrors.BAD_REQUEST, extensions: { code: 'BAD_REQUEST', requestId: req.requestId } }] });
      return;
    }
    if (err instanceof AppError) {
      res.status(err.httpStatus).json({ errors: [{ message: err.message, extensions: { code: err.code, lang: 'vi', requestId: req.requestId } }] });
      return;
    }
    req.log?.error({ err }, 'unhandled error');
    res.status(500).json({ errors: [{ message: platformErrors.INTERNAL_SERVER_ERROR, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: req.requestId } }] });
  };
}

/** Listen on host:port (port 0 = a free port) and return how to reach and stop it. */
export async function listen(app: Express | http.RequestListener, host: string, port: number, server?: http.Server): Promise<RunningServer> {
  const srv = server ?? http.createServer(app as http.RequestListener);
  srv.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(port, host, () => resolve());
  });
  const addr = srv.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${addr.port}`,
    port: addr.port,
    server: srv,
    close: () =>
      new Promise<void>((resolve) => {
        srv.closeAllConnections?.();
        srv.close(() => resolve());
      }),
  };
}

/** Entry point of a service process: start it, stop it cleanly on SIGTERM/SIGINT, exit 1 with the reason if boot fails. */
export function runService(start: () => Promise<{ close(): Promise<void> }>): void {
  // Prometheus metrics of this process on METRICS_PORT (unset: none).
  Promise.all([start(), serveMetrics()]).then(
    ([running]) => {
      const stop = () => {
        running.close().then(
          () => flushTracing().then(() => process.exit(0)),
          () => flushTracing().then(() => process.exit(1)),
        );
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
