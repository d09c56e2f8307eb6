import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier, mintToken, requireUnitWriter } from '../auth';
import { loadPlatformConfig } from '../config';
import { AppError } from '../errors';

const auth = loadPlatformConfig('test', 0, { NODE_ENV: 'test' }).auth;
const verify = createTokenVerifier(auth);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
}

describe('tokens', () => {
  it('turns a valid token into a viewer with roles and unit', async () => {
    const t = await mintToken(auth, { roles: ['UNIT_OFFICER'], unitId: 'u-1', subject: 'officer' });
    await expect(verify(`Bearer ${t}`)).resolves.toEqual({ userId: 'officer', roles: ['UNIT_OFFICER'], orgUnitId: 'u-1', anonymous: false });
  });

  it('treats a missing header as anonymous', async () => {
    expect((await verify(undefined)).anonymous).toBe(true);
  });

  it('refuses forged, expired and role-less tokens with stable codes', async () => {
    const forged = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(auth.issuer)
      .setAudience(auth.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    expect(await codeOf(verify(`Bearer ${forged}`))).toBe('TOKEN_INVALID');
    const expired = await mintToken(auth, { roles: ['ADMIN'], ttlSeconds: -10 });
    expect(await codeOf(verify(`Bearer ${expired}`))).toBe('TOKEN_EXPIRED');
    const noRole = await new SignJWT({ roles: ['KING'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(auth.issuer)
      .setAudience(auth.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(auth.secret));
    expect(await codeOf(verify(`Bearer ${noRole}`))).toBe('TOKEN_INVALID');
    expect(await codeOf(verify('Basic abc'))).toBe('TOKEN_INVALID');
  });

  it('lets a unit officer change only their own unit', () => {
    const officer = { userId: 'o', roles: ['UNIT_OFFICER' as const], orgUnitId: 'a', anonymous: false };
    expect(() => requireUnitWriter(officer, 'a')).not.toThrow();
    expect(() => requireUnitWriter(officer, 'b')).toThrow(expect.objectContaining({ code: 'FORBIDDEN_OTHER_UNIT' }));
  });
});

describe('tokens from an OIDC issuer beside the shared secret', () => {
  let server: http.Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const issued = (aud = 'thidua') =>
    new SignJWT({ roles: ['LEAD_AGENCY'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('nguoi-dung-sso')
      .setIssuer('https://sso.example')
      .setAudience(aud)
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts the issuer tokens, and HS256 tokens too when a secret is configured (the break-glass ADMIN)', async () => {
    const both = loadPlatformConfig('test', 0, { NODE_ENV: 'test', AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: 'https://sso.example', AUTH_JWT_SECRET: 'mot-bi-mat-dung-chung-du-dai-0123456789' }).auth;
    const verifyBoth = createTokenVerifier(both);
    expect((await verifyBoth(`Bearer ${await issued()}`)).userId).toBe('nguoi-dung-sso');
    const minted = await mintToken(both, { roles: ['ADMIN'], subject: 'quan-tri' });
    expect((await verifyBoth(`Bearer ${minted}`)).userId).toBe('quan-tri');
    expect(await codeOf(verifyBoth(`Bearer ${await issued('another-api')}`))).toBe('TOKEN_INVALID');

    const jwksOnly = loadPlatformConfig('test', 0, { NODE_ENV: 'test', AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: 'https://sso.example' }).auth;
    expect(jwksOnly.secret).toBeUndefined();
    const hs = await mintToken(both, { roles: ['ADMIN'] });
    expect(await codeOf(createTokenVerifier(jwksOnly)(`Bearer ${hs}`))).toBe('TOKEN_INVALID');
  });
});
