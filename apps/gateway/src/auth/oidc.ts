import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { PlatformConfig } from '@thidua/platform';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import type { Request, Response } from 'express';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Configuration, TokenEndpointResponse, TokenEndpointResponseHelpers } from 'openid-client';
import type { Logger } from 'pino';
import type { OidcSettings } from '../config';
import { accessFromClaims, safeReturnTo, type AccountRole } from './account.rules';
import { authErrors } from './auth.errors';
import type { Clock, NewSession, RefreshedTokens } from './session.service';
import type { Session } from './session.entity';

type OpenIdClient = typeof import('openid-client');
type Tokens = TokenEndpointResponse & TokenEndpointResponseHelpers;

/** The sign-in in progress, kept in an encrypted HttpOnly cookie between the redirect and the callback. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  redirectUri: string;
  expiresAt: number;
}

export const FLOW_COOKIE = 'thidua_oidc';
const FLOW_COOKIE_PATH = '/auth/oidc';
const FLOW_TTL_MS = 10 * 60_000;

export interface OidcOptions {
  auth: PlatformConfig['auth'];
  gatewaySecret: string;
  cookieSecure: boolean;
  logger: Logger;
  clock: Clock;
}

/** What the callback produced: a session to start, or a refusal to show as a page. */
export type OidcOutcome =
  | { ok: true; session: NewSession; returnTo: string }
  | { ok: false; status: number; code: 'OIDC_FAILED' | 'OIDC_NO_ROLE' | 'OIDC_NO_UNIT'; message: string };

/**
 * Sign-in at an OpenID Connect issuer with openid-client v6: authorization code + PKCE (S256) + state + nonce.
 * Roles and unit come from the configured claims of the access token (when it is a JWT the issuer's JWKS
 * verifies), else of the ID token or userinfo.
 */
export class OidcService {
  private loaded?: Promise<{ lib: OpenIdClient; config: Configuration; jwks: JWTVerifyGetKey; issuer: string }>;
  private readonly flowKey: Buffer;

  constructor(
    private readonly settings: OidcSettings,
    private readonly opts: OidcOptions,
  ) {
    // Every replica shares GATEWAY_SECRET, so a callback may land on another replica than the redirect.
    this.flowKey = createHash('sha256').update(`thidua-oidc-flow:${opts.gatewaySecret}`).digest();
  }

  /** Discover the issuer once (again after a failure, so a late issuer does not need a gateway restart). */
  private client() {
    this.loaded ??= (async () => {
      // openid-client is ESM-only and needed only with OIDC: loaded on first use.
      const lib = await import('openid-client');
      const insecure = this.settings.issuer.startsWith('http://');
      const config = await lib.discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        insecure ? { execute: [lib.allowInsecureRequests] } : undefined,
      );
      const meta = config.serverMetadata();
      if (!meta.jwks_uri) throw new Error('the issuer publishes no jwks_uri');
      return { lib, config, jwks: createRemoteJWKSet(new URL(meta.jwks_uri)), issuer: meta.issuer };
    })();
    this.loaded.catch(() => {
      this.loaded = undefined;
    });
    return this.loaded;
  }

  private seal(flow: Flow): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.flowKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  private open(sealed: string | undefined): Flow | null {
    if (!sealed) return null;
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.flowKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const flow = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as Flow;
      return flow.expiresAt > this.opts.clock().getTime() ? flow : null;
    } catch {
      return null;
    }
  }

  private flowCookie(value: string, maxAgeSeconds: number): string {
    return serializeCookie(FLOW_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: FLOW_COOKIE_PATH, secure: this.opts.cookieSecure, maxAge: maxAgeSeconds });
  }

  /** GET /auth/oidc/login?returnTo=/path: remember the flow in a cookie and send the browser to the issuer. */
  async start(req: Request, res: Response): Promise<void> {
    const { lib, config } = await this.client();
    const verifier = lib.randomPKCECodeVerifier();
    const flow: Flow = {
      state: lib.randomState(),
      nonce: lib.randomNonce(),
      verifier,
      returnTo: safeReturnTo(req.query.returnTo),
      redirectUri: this.settings.redirectUrl ?? `${req.protocol}://${req.host}/auth/oidc/callback`,
      expiresAt: this.opts.clock().getTime() + FLOW_TTL_MS,
    };
    const params: Record<string, string> = {
      redirect_uri: flow.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await lib.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    };
    if (this.settings.resource) params.resource = this.settings.resource;
    res.append('Set-Cookie', this.flowCookie(this.seal(flow), FLOW_TTL_MS / 1000));
    res.redirect(302, lib.buildAuthorizationUrl(config, params).href);
  }

  /** GET /auth/oidc/callback: check the flow, exchange the code, and decide who this is. */
  async finish(req: Request, res: Response): Promise<OidcOutcome> {
    res.append('Set-Cookie', this.flowCookie('', 0));
    const flow = this.open(parseCookie(req.headers.cookie ?? '')[FLOW_COOKIE]);
    if (!flow) return { ok: false, status: 400, code: 'OIDC_FAILED', message: `${authErrors.OIDC_FAILED} (Phiên đăng nhập đã hết hạn hoặc không hợp lệ.)` };
    try {
      const { lib, config } = await this.client();
      const current = new URL(flow.redirectUri);
      current.search = new URL(req.originalUrl, 'http://callback.invalid').search;
      const tokens = await lib.authorizationCodeGrant(
        config,
        current,
        { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true },
        this.settings.resource ? { resource: this.settings.resource } : undefined,
      );
      const claims = await this.claimsOf(tokens);
      const access = accessFromClaims(claims, this.opts.auth.rolesClaim, this.opts.auth.unitClaim);
      if ('refused' in access) return { ok: false, status: 403, code: access.refused, message: authErrors[access.refused] };
      const sub = typeof claims.sub === 'string' ? claims.sub : '';
      const name = [claims.name, claims.preferred_username, claims.email, sub].find((v): v is string => typeof v === 'string' && v.length > 0) ?? sub;
      return {
        ok: true,
        returnTo: flow.returnTo,
        session: {
          accountId: null,
          subject: sub,
          displayName: name.slice(0, 255),
          roles: access.roles,
          orgUnitId: access.orgUnitId,
          accessToken: tokens.access_token,
          refreshToken: tokens.refresh_token ?? null,
          idToken: tokens.id_token ?? null,
          tokenExpiresAt: this.expiryOf(tokens),
        },
      };
    } catch (err) {
      this.opts.logger.warn({ err: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, 'oidc callback failed');
      return { ok: false, status: 502, code: 'OIDC_FAILED', message: authErrors.OIDC_FAILED };
    }
  }

  /** The claims of the access token when it is a JWT from this issuer, else null. */
  private async accessTokenClaims(token: string): Promise<JWTPayload | null> {
    try {
      const { jwks, issuer } = await this.client();
      const { payload } = await jwtVerify(token, jwks, { issuer });
      return payload;
    } catch {
      return null;
    }
  }

  private async claimsOf(tokens: Tokens): Promise<Record<string, unknown>> {
    const rolesClaim = this.opts.auth.rolesClaim;
    const idClaims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
    const fromAccess = await this.accessTokenClaims(tokens.access_token);
    // The subgraphs will see the access token: when it carries the roles, it is the truth.
    if (fromAccess && rolesClaim in fromAccess) return { ...idClaims, ...fromAccess };
    if (rolesClaim in idClaims) return idClaims;
    try {
      const { lib, config } = await this.client();
      const info = await lib.fetchUserInfo(config, tokens.access_token, typeof idClaims.sub === 'string' ? idClaims.sub : lib.skipSubjectCheck);
      return { ...idClaims, ...info };
    } catch {
      return idClaims;
    }
  }

  private expiryOf(tokens: Tokens): Date | null {
    const now = this.opts.clock().getTime();
    const seconds = tokens.expiresIn();
    if (seconds !== undefined) return new Date(now + seconds * 1000);
    try {
      const exp = decodeJwt(tokens.access_token).exp;
      return typeof exp === 'number' ? new Date(exp * 1000) : null;
    } catch {
      return null;
    }
  }

  /** Refresh a session's tokens; null when the issuer refuses (or there is no refresh token). */
  async refresh(session: Session): Promise<RefreshedTokens | null> {
    if (!session.refreshToken) return null;
    const { lib, config } = await this.client();
    const tokens = await lib.refreshTokenGrant(config, session.refreshToken, this.settings.resource ? { resource: this.settings.resource } : undefined);
    const fromAccess = await this.accessTokenClaims(tokens.access_token);
    let claims: { roles: AccountRole[]; orgUnitId: string | null } | null | undefined;
    if (fromAccess && this.opts.auth.rolesClaim in fromAccess) {
      const access = accessFromClaims(fromAccess, this.opts.auth.rolesClaim, this.opts.auth.unitClaim);
      claims = 'refused' in access ? null : access;
    }
    return {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      idToken: tokens.id_token ?? null,
      tokenExpiresAt: this.expiryOf(tokens),
      claims,
    };
  }
}
