import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Kind, parse } from 'graphql';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** How often one client may call the gateway; 0 turns a limit off. */
export interface RateLimitSettings {
  /** Requests per minute for a signed-in account (counted per account, whichever device it uses). */
  accountPerMinute: number;
  /** Requests per minute for a client not signed in, counted per IP address (the public pages, sign-in attempts). */
  anonymousPerMinute: number;
  /**
   * Comments and objections an IP address may send to a public consultation in an hour (`submitConsultationComment`,
   * open to everyone), whether signed in or not; counted besides the per-minute limits. Unset: 10.
   */
  publicCommentsPerHour?: number;
  /** Counted in Redis, so every replica of the gateway shares one count; unset: in this process's memory. */
  redisUrl?: string;
  /** This installation's Redis key prefix (QUEUE_PREFIX): counts live under `<prefix>:rate:`. */
  prefix: string;
}

export interface RateLimiter {
  middleware: RequestHandler;
  /**
   * Counts a request of a visitor not signed in that the gateway answers with work of its own (a page it renders)
   * against the address's limit: false when over it (the gateway then does the cheaper thing rather than refuse).
   */
  allowsAnonymous(ip: string): Promise<boolean>;
  close(): Promise<void>;
}

export const RATE_LIMITED_MESSAGE = (seconds: number) =>
  `Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi ${seconds} giây rồi thử lại.`;

export const COMMENTS_LIMITED_MESSAGE = (seconds: number) =>
  `Địa chỉ mạng của bạn đã gửi quá nhiều ý kiến trong một giờ. Vui lòng gửi lại sau ${Math.ceil(seconds / 60)} phút.`;

/** The anonymous mutation the stricter limit applies to. */
const PUBLIC_COMMENT_FIELD = 'submitConsultationComment';

/** Whether a /graphql request body is a mutation sending a comment to a public consultation (under any alias). */
export function isPublicComment(body: unknown): boolean {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string' || !query.includes(PUBLIC_COMMENT_FIELD)) return false;
  try {
    return parse(query).definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation' && d.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === PUBLIC_COMMENT_FIELD),
    );
  } catch {
    // Not GraphQL: the server refuses it without running anything.
    return false;
  }
}

/**
 * Per-client limits at the gateway (rate-limiter-flexible): by account when signed in, by IP otherwise. The graph's
 * own services (SERVICE tokens: report runs read thousands of units) are not limited. Over the limit the client gets
 * HTTP 429 with Retry-After and a GraphQL-shaped error, code RATE_LIMITED, in Vietnamese. When Redis cannot be reached
 * the count goes on in memory (per replica) rather than refusing everyone.
 */
export function createRateLimiter(settings: RateLimitSettings, logger: Logger): RateLimiter {
  const redis = settings.redisUrl ? new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
  redis?.on('error', (err: Error) => logger.warn({ err: err.message }, 'rate limit store unreachable; counting in memory'));
  const limiter = (name: string, points: number, duration = 60): RateLimiterAbstract | null => {
    if (points <= 0) return null;
    const options = { keyPrefix: `${settings.prefix}:rate:${name}`, points, duration };
    return redis ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) }) : new RateLimiterMemory(options);
  };
  const accounts = limiter('account', settings.accountPerMinute);
  const anonymous = limiter('ip', settings.anonymousPerMinute);
  const commentsPerHour = settings.publicCommentsPerHour ?? 10;
  const comments = limiter('comment', commentsPerHour, 3600);

  /** Refuse a public comment over the address's hourly count; true when the answer has been sent. */
  const refuseComment = async (req: Request, res: Response): Promise<boolean> => {
    if (!comments || !isPublicComment(req.body)) return false;
    try {
      await comments.consume(req.ip ?? 'unknown');
      return false;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) {
        logger.error({ err: String(err) }, 'comment rate limit check failed');
        return false;
      }
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      req.log?.info({ limit: commentsPerHour }, 'public comments rate limited');
      res.setHeader('Retry-After', String(seconds));
      res.status(429).json({
        errors: [{ message: COMMENTS_LIMITED_MESSAGE(seconds), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds, requestId: req.requestId } }],
      });
      return true;
    }
  };

  const middleware = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const viewer = req.viewer;
    if (viewer?.roles.includes('SERVICE')) return next();
    if (await refuseComment(req, res)) return;
    const signedIn = !!viewer && !viewer.anonymous && !!viewer.userId;
    const limit = signedIn ? accounts : anonymous;
    if (!limit) return next();
    const key = signedIn ? (viewer.userId as string) : (req.ip ?? 'unknown');
    try {
      const r = await limit.consume(key);
      res.setHeader('RateLimit-Limit', String(limit.points));
      res.setHeader('RateLimit-Remaining', String(r.remainingPoints));
      res.setHeader('RateLimit-Reset', String(Math.ceil(r.msBeforeNext / 1000)));
      next();
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) {
        // The store failed and so did its fallback: let the request through rather than refuse everyone.
        logger.error({ err: String(err) }, 'rate limit check failed');
        return next();
      }
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      req.log?.info({ key: signedIn ? key : 'ip', limit: limit.points }, 'rate limited');
      res.setHeader('Retry-After', String(seconds));
      res.setHeader('RateLimit-Limit', String(limit.points));
      res.setHeader('RateLimit-Remaining', '0');
      res.setHeader('RateLimit-Reset', String(seconds));
      res.status(429).json({
        errors: [{ message: RATE_LIMITED_MESSAGE(seconds), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds, requestId: req.requestId } }],
      });
    }
  };
  const allowsAnonymous = async (ip: string): Promise<boolean> => {
    if (!anonymous) return true;
    try {
      await anonymous.consume(ip);
      return true;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) logger.error({ err: String(err) }, 'rate limit check failed');
      return !(err instanceof RateLimiterRes);
    }
  };
  return {
    middleware: (req, res, next) => void middleware(req, res, next),
    allowsAnonymous,
    close: async () => {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
