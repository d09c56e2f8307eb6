import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import type ProviderType from 'oidc-provider';

/** A person known to the test issuer, with the claims the gateway maps to roles and unit. */
export interface IssuerUser {
  name: string;
  email: string;
  roles?: string[];
  unit?: string;
}

export interface TestIssuer {
  url: string;
  /** Who signs in at the next login prompt (the test's stand-in for typing a username and password). */
  signInAs(sub: string): void;
  close(): Promise<void>;
}

export const ISSUER_CLIENT = { id: 'thidua-web', secret: 'bi-mat-cua-ung-dung-thidua-0123456789abcdef' };

/**
 * A real OpenID Connect issuer (oidc-provider) on 127.0.0.1: code flow with PKCE, refresh tokens, and JWT access
 * tokens for the API resource carrying `roles` and `unit`. Its login and consent prompts are answered at once for
 * the chosen user, so a test drives the whole redirect flow with plain fetch.
 */
export async function startTestIssuer(opts: { port: number; redirectUri: string; audience: string; users: Record<string, IssuerUser> }): Promise<TestIssuer> {
  const url = `http://127.0.0.1:${opts.port}`;
  // oidc-provider warns about the Node version and its development defaults; the test knows.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  let provider: ProviderType;
  try {
    const { default: Provider } = await import('oidc-provider');
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'khoa-thu-nghiem', alg: 'RS256', use: 'sig' };
    const claimsOf = (sub: string) => {
      const u = opts.users[sub];
      return u ? { sub, name: u.name, email: u.email, ...(u.roles ? { roles: u.roles } : {}), ...(u.unit ? { unit: u.unit } : {}) } : undefined;
    };
    provider = new Provider(url, {
      clients: [
        {
          client_id: ISSUER_CLIENT.id,
          client_secret: ISSUER_CLIENT.secret,
          redirect_uris: [opts.redirectUri],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [jwk] },
      cookies: { keys: ['khoa-cookie-cua-issuer-thu-nghiem-0123456789'] },
      claims: { openid: ['sub'], profile: ['name', 'roles', 'unit'], email: ['email'] },
      findAccount: async (_ctx: unknown, sub: string) => {
        const claims = claimsOf(sub);
        return claims ? { accountId: sub, claims: async () => claims } : undefined;
      },
      extraTokenClaims: async (_ctx: unknown, token: { accountId?: string }) => {
        const claims = token.accountId ? claimsOf(token.accountId) : undefined;
        return claims ? { roles: claims.roles, unit: claims.unit, name: claims.name } : undefined;
      },
      issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) => client.grantTypeAllowed('refresh_token'),
      pkce: { required: () => true },
      ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, RefreshToken: 86_400, Interaction: 600, Session: 3600, Grant: 3600 },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      features: {
        devInteractions: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => opts.audience,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({ scope: 'api', audience: opts.audience, accessTokenTTL: 300, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
        },
      },
    });
  } finally {
    warn.mockRestore();
    info.mockRestore();
  }

  let next = '';
  const handle = provider.callback();
  const server = http.createServer((req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: next } }, { mergeWithLastSubmission: false });
        return;
      }
      const accountId = details.session?.accountId as string;
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      if (!grant) throw new Error('grant not found');
      const missing = details.prompt.details;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(opts.port, '127.0.0.1', () => r()));
  if ((server.address() as AddressInfo).port !== opts.port) throw new Error('issuer port mismatch');
  return {
    url,
    signInAs: (sub) => {
      next = sub;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
