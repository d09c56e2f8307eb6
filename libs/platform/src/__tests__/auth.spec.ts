import { SignJWT } from 'jose';
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
