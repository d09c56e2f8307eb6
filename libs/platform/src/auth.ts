import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { PlatformConfig } from './config';
import { AppError, platformError, platformErrors } from './errors';

/** Roles of ARCHITECTURE.md; UNIT_OFFICER is scoped to one org unit. */
export const ROLES = ['ADMIN', 'LEAD_AGENCY', 'HOME_AFFAIRS', 'COUNCIL', 'UNIT_OFFICER', 'PROVINCE', 'SERVICE'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: anonymous, a person with roles, or a service. */
export interface Viewer {
  userId: string | null;
  roles: Role[];
  orgUnitId: string | null;
  anonymous: boolean;
}

export const ANONYMOUS: Viewer = Object.freeze({ userId: null, roles: [], orgUnitId: null, anonymous: true });

export type TokenVerifier = (authorization: string | undefined) => Promise<Viewer>;

function isRole(r: unknown): r is Role {
  return typeof r === 'string' && (ROLES as readonly string[]).includes(r);
}

/** Turn verified claims into a viewer; a token without a known role is refused. */
export function viewerFromClaims(payload: JWTPayload, auth: PlatformConfig['auth']): Viewer {
  const rawRoles = payload[auth.rolesClaim];
  const roles = (Array.isArray(rawRoles) ? rawRoles : [rawRoles]).filter(isRole);
  const unit = payload[auth.unitClaim];
  if (!payload.sub || roles.length === 0) throw platformError('TOKEN_INVALID', { reason: 'missing subject or roles' });
  if (roles.includes('UNIT_OFFICER') && typeof unit !== 'string') {
    throw platformError('TOKEN_INVALID', { reason: 'UNIT_OFFICER without unit' });
  }
  return { userId: payload.sub, roles, orgUnitId: typeof unit === 'string' ? unit : null, anonymous: false };
}

/**
 * Verify bearer tokens: HS256 with a shared secret (embedded mode) or RS256/ES256 from an OIDC JWKS. With both
 * configured, an HS256 token is checked against the secret and anything else against the JWKS: the gateway mints
 * HS256 tokens for its break-glass local ADMIN while people sign in at the issuer.
 */
export function createTokenVerifier(auth: PlatformConfig['auth']): TokenVerifier {
  const jwks = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : undefined;
  const secret = auth.secret ? new TextEncoder().encode(auth.secret) : undefined;
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m?.[1]) throw platformError('TOKEN_INVALID');
    const token = m[1];
    try {
      const options = { issuer: auth.issuer, audience: auth.audience };
      const useSecret = !jwks || (!!secret && decodeProtectedHeader(token).alg === 'HS256');
      const { payload } = useSecret
        ? await jwtVerify(token, secret as Uint8Array, { ...options, algorithms: ['HS256'] })
        : await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'] });
      return viewerFromClaims(payload, auth);
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw platformError('TOKEN_EXPIRED');
      if (err instanceof Error && err.name === 'AppError') throw err;
      throw platformError('TOKEN_INVALID');
    }
  };
}

export interface MintOptions {
  roles: Role[];
  unitId?: string;
  subject?: string;
  ttlSeconds?: number;
  name?: string;
}

/** Mint an HS256 token with the configured secret (development, tests, service calls in embedded mode). */
export async function mintToken(auth: PlatformConfig['auth'], opts: MintOptions): Promise<string> {
  if (!auth.secret) throw new Error('mintToken needs AUTH_JWT_SECRET (HS256); with an OIDC issuer, get tokens from it');
  const claims: JWTPayload = { [auth.rolesClaim]: opts.roles };
  if (opts.unitId) claims[auth.unitClaim] = opts.unitId;
  if (opts.name) claims.name = opts.name;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(opts.subject ?? `dev-${opts.roles.join('-').toLowerCase()}-${randomUUID().slice(0, 8)}`)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(`${opts.ttlSeconds ?? 8 * 3600}s`)
    .sign(new TextEncoder().encode(auth.secret));
}

/** True when the viewer holds one of the roles. */
export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return viewer.roles.some((r) => roles.includes(r));
}

/** Refuse anonymous callers and callers without one of the roles. */
export function requireRole(viewer: Viewer, ...roles: Role[]): void {
  if (viewer.anonymous) throw platformError('UNAUTHENTICATED');
  if (!hasRole(viewer, 'ADMIN', ...roles)) throw platformError('FORBIDDEN', { requiredRoles: ['ADMIN', ...roles] });
}

/** Refuse anyone who may not change data of `unitId`: the roles given act on every unit, a unit officer only on their own. */
export function requireUnitWriter(viewer: Viewer, unitId: string, ...allUnitRoles: Role[]): void {
  if (viewer.anonymous) throw platformError('UNAUTHENTICATED');
  if (hasRole(viewer, 'ADMIN', ...allUnitRoles)) return;
  if (hasRole(viewer, 'UNIT_OFFICER')) {
    if (viewer.orgUnitId === unitId) return;
    throw platformError('FORBIDDEN_OTHER_UNIT', { unitId });
  }
  throw platformError('FORBIDDEN');
}

/** Roles that read every unit's non-public data. */
export const READ_ALL_ROLES: Role[] = ['ADMIN', 'LEAD_AGENCY', 'HOME_AFFAIRS', 'COUNCIL', 'PROVINCE', 'SERVICE'];

/** May the viewer read non-public data of this unit? */
export function canReadUnit(viewer: Viewer, unitId: string | null | undefined): boolean {
  if (viewer.anonymous) return false;
  if (hasRole(viewer, ...READ_ALL_ROLES)) return true;
  return !!unitId && viewer.orgUnitId === unitId;
}

/** Express middleware: verify the bearer token into `req.viewer` (anonymous without one); a bad token gets 401 in Vietnamese. */
export function bearerAuth(verify: TokenVerifier) {
  return (req: Request, res: Response, next: NextFunction): void => {
    verify(req.headers.authorization).then(
      (viewer) => {
        req.viewer = viewer;
        next();
      },
      (err: unknown) => {
        const e = err instanceof AppError ? err : new AppError('TOKEN_INVALID', platformErrors.TOKEN_INVALID);
        res.status(401).json({ errors: [{ message: e.message, extensions: { code: e.code, lang: 'vi', requestId: req.requestId } }] });
      },
    );
  };
}
