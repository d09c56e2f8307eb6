import { ANONYMOUS, AppError, mintToken, platformErrors, type PlatformConfig, type TokenVerifier, type Viewer } from '@thidua/platform';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import { decodeJwt } from 'jose';
import type { Logger } from 'pino';
import type { SessionSettings } from '../config';
import { loggableError } from './auth.errors';
import type { Session } from './session.entity';
import type { Clock, SessionService } from './session.service';

export const SESSION_COOKIE = 'thidua_session';

/** How the current request is authenticated, resolved once per request. */
export interface RequestAuth {
  source: 'anonymous' | 'bearer' | 'session';
  viewer: Viewer;
  /** The cookie's session (source = session). */
  session: Session | null;
  /** The `name` claim of a bearer token. */
  tokenName: string | null;
  /** The Authorization header forwarded to the subgraphs, /files and /queues. */
  forward?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the gateway's viewer middleware. */
    auth?: RequestAuth;
  }
}

/** Lifetime of the token minted for a local session; it is reused until a minute before it expires. */
export const MINTED_TTL_SECONDS = 300;
const MINTED_REUSE_MARGIN_MS = 60_000;

export interface CookieOptions {
  secure: boolean;
}

/** Set-Cookie for a new session: HttpOnly, SameSite=Lax, Path=/, Secure in production; it lasts as long as the session. */
export function sessionCookie(token: string, expiresAt: Date, now: Date, opts: CookieOptions): string {
  return serializeCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: opts.secure,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

/** Set on an answer to a request whose session cookie is unknown or ended (expired, signed out, account disabled). */
export const SESSION_ENDED_HEADER = 'x-thidua-session';

export function clearSessionCookie(opts: CookieOptions): string {
  return serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', secure: opts.secure, maxAge: 0, expires: new Date(0) });
}

/** Append a Set-Cookie header without dropping the ones already set. */
export function appendCookie(res: Response, cookie: string): void {
  res.append('Set-Cookie', cookie);
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parseCookie(header)[name];
}

/** The viewer of a session, as the subgraphs will see it from the forwarded token. */
export function viewerOfSession(s: Session): Viewer {
  return { userId: s.subject, roles: [...s.roles], orgUnitId: s.orgUnitId, anonymous: false };
}

export interface ViewerResolverOptions {
  auth: PlatformConfig['auth'];
  verify: TokenVerifier;
  sessions: SessionService;
  settings: SessionSettings;
  clock: Clock;
  logger: Logger;
}

/**
 * One way in for every route that acts for someone: `Authorization: Bearer` (machine clients, `npm run token`)
 * exactly as before, or the session cookie. A local session is forwarded as a short-lived HS256 token minted here;
 * an OIDC session as the issuer's access token. An unknown or ended cookie is anonymous, and the answer clears it.
 */
export class ViewerResolver {
  private readonly minted = new Map<string, { token: string; until: number }>();
  private warnedNoSecret = false;

  constructor(private readonly opts: ViewerResolverOptions) {
    opts.sessions.onEnd((id) => this.minted.delete(id));
  }

  /** Resolve (once) and return the request's authentication; a bad bearer token throws its AppError. */
  async resolve(req: Request, res: Response): Promise<RequestAuth> {
    if (req.auth) return req.auth;
    const auth = await this.compute(req, res);
    req.auth = auth;
    req.viewer = auth.viewer;
    return auth;
  }

  private async compute(req: Request, res: Response): Promise<RequestAuth> {
    const authorization = req.headers.authorization;
    if (authorization) {
      const viewer = await this.opts.verify(authorization);
      let tokenName: string | null = null;
      try {
        const name = decodeJwt(authorization.replace(/^Bearer\s+/i, '').trim()).name;
        tokenName = typeof name === 'string' ? name : null;
      } catch {
        // verified above; a token without a readable name simply has none
      }
      return { source: 'bearer', viewer, session: null, tokenName, forward: authorization };
    }
    const token = readCookie(req, SESSION_COOKIE);
    if (token === undefined) return { source: 'anonymous', viewer: ANONYMOUS, session: null, tokenName: null };
    const session = token ? await this.opts.sessions.resolve(token) : null;
    if (!session) {
      appendCookie(res, clearSessionCookie({ secure: this.opts.settings.cookieSecure }));
      // The page cannot read the HttpOnly cookie: this header tells it that the session it worked in has ended.
      res.setHeader(SESSION_ENDED_HEADER, 'ended');
      return { source: 'anonymous', viewer: ANONYMOUS, session: null, tokenName: null };
    }
    return { source: 'session', viewer: viewerOfSession(session), session, tokenName: null, forward: await this.forwardFor(session) };
  }

  /** The bearer header the subgraphs receive for a session. */
  private async forwardFor(session: Session): Promise<string | undefined> {
    if (session.accountId === null) return session.accessToken ? `Bearer ${session.accessToken}` : undefined;
    const now = this.opts.clock().getTime();
    const cached = this.minted.get(session.id);
    if (cached && cached.until > now) return `Bearer ${cached.token}`;
    if (!this.opts.auth.secret) {
      // With only an OIDC JWKS configured the gateway has nothing to sign with: the break-glass ADMIN can manage
      // accounts, but the subgraphs see them as anonymous until AUTH_JWT_SECRET is set everywhere.
      if (!this.warnedNoSecret) this.opts.logger.warn('local session without AUTH_JWT_SECRET: subgraphs see it as anonymous');
      this.warnedNoSecret = true;
      return undefined;
    }
    const token = await mintToken(this.opts.auth, {
      roles: [...session.roles],
      unitId: session.orgUnitId ?? undefined,
      subject: session.subject,
      name: session.displayName,
      ttlSeconds: MINTED_TTL_SECONDS,
    });
    this.minted.set(session.id, { token, until: now + MINTED_TTL_SECONDS * 1000 - MINTED_REUSE_MARGIN_MS });
    if (this.minted.size > 10_000) {
      for (const [id, entry] of this.minted) if (entry.until <= now) this.minted.delete(id);
    }
    return `Bearer ${token}`;
  }

  /** Express middleware: `req.auth` and `req.viewer` for the routes after it; a bad bearer token gets 401 in Vietnamese. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      this.resolve(req, res).then(
        () => next(),
        (err: unknown) => {
          if (err instanceof AppError && (err.code === 'TOKEN_INVALID' || err.code === 'TOKEN_EXPIRED')) {
            res.status(401).json({ errors: [{ message: err.message, extensions: { code: err.code, requestId: req.requestId } }] });
            return;
          }
          req.log.error({ err: loggableError(err) }, 'could not resolve the viewer');
          res.status(503).json({ errors: [{ message: platformErrors.SERVICE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE', requestId: req.requestId } }] });
        },
      );
    };
  }
}

/** Does the request's Origin (when it sends one) name this site? */
export function originMatches(req: Request): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}
