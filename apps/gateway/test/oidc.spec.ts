import { startParticipants } from '@thidua/participants';
import { describeEachDatabase, errorCodes, freePort, gql, startStack, TEST_ADMIN_PASSWORD, type TestStack } from '@thidua/testing';
import { loadGatewayConfig, startGateway, type RunningGateway } from '../src';
import { Session } from '../src/auth/session.entity';
import { ISSUER_CLIENT, startTestIssuer, type TestIssuer } from './oidc-issuer';

const AUDIENCE = 'https://api.thidua.test';

/** Cookies per origin, as a browser keeps them across the redirects of a sign-in. */
class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  store(origin: string, setCookies: string[]): void {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';');
      const eq = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, eq).trim();
      const value = (pair ?? '').slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1] as string).getTime() < Date.now()));
      if (gone || !value) jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(origin, jar);
  }

  header(origin: string): string {
    return [...(this.jars.get(origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }
}

interface SessionView {
  mode: string;
  authenticated: boolean;
  account: null | { id: string; username: string | null; displayName: string; roles: string[]; orgUnitId: string | null; mustChangePassword: boolean };
}

describeEachDatabase('sign-in at an OIDC issuer', (db) => {
  let stack: TestStack;
  let gw: RunningGateway;
  let issuer: TestIssuer;
  let offsetMs = 0;
  let unitId = '';
  const clock = () => new Date(Date.now() + offsetMs);

  beforeAll(async () => {
    const issuerPort = await freePort();
    const issuerUrl = `http://127.0.0.1:${issuerPort}`;
    stack = await startStack({
      db,
      presets: false,
      subgraphs: { participants: startParticipants },
      env: {
        OIDC_ISSUER: issuerUrl,
        OIDC_CLIENT_ID: ISSUER_CLIENT.id,
        OIDC_CLIENT_SECRET: ISSUER_CLIENT.secret,
        OIDC_SCOPES: 'openid profile email api',
        OIDC_RESOURCE: AUDIENCE,
        // The subgraphs (and the gateway) verify the issuer's tokens with its JWKS; the shared secret stays for the
        // tokens the gateway mints for its break-glass ADMIN and for service calls.
        AUTH_JWKS_URL: `${issuerUrl}/jwks`,
        AUTH_ISSUER: issuerUrl,
        AUTH_AUDIENCE: AUDIENCE,
        AUTH_JWT_SECRET: 'bi-mat-hs256-cho-quan-tri-khan-cap-0123456789',
      },
      gateway: async (env) => {
        gw = await startGateway(loadGatewayConfig(env), { clock });
        return gw;
      },
    });
    const admin = await stack.token('ADMIN');
    const created = await gql<{ createOrgUnit: { id: string } }>(stack.url, 'mutation { createOrgUnit(input: { code: "P-TAN-LOI", name: "UBND phường Tân Lợi", kind: WARD_PC }) { id } }', {}, admin);
    unitId = created.data?.createOrgUnit.id as string;
    issuer = await startTestIssuer({
      port: issuerPort,
      redirectUri: `${stack.origin}/auth/oidc/callback`,
      audience: AUDIENCE,
      users: {
        'nguyen-thi-lan': { name: 'Nguyễn Thị Lan', email: 'lan@tanloi.gov.vn', roles: ['UNIT_OFFICER'], unit: unitId },
        'tran-van-hung': { name: 'Trần Văn Hùng', email: 'hung@sotttt.gov.vn', roles: ['LEAD_AGENCY', 'KHONG-CO-VAI-TRO-NAY'], unit: unitId },
        'khach-vang-lai': { name: 'Khách Vãng Lai', email: 'khach@example.com' },
      },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await issuer?.close();
  });

  /** Drive the browser's redirects from /auth/oidc/login to the gateway's last answer. */
  async function signInAt(sub: string, returnTo = '/bang-xep-hang'): Promise<{ status: number; location: string | null; cookie: string | null; text: string }> {
    issuer.signInAs(sub);
    const jar = new CookieJar();
    let target = `${stack.origin}/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`;
    for (let hop = 0; hop < 15; hop++) {
      const origin = new URL(target).origin;
      const res = await fetch(target, { redirect: 'manual', headers: { cookie: jar.header(origin) } });
      jar.store(origin, res.headers.getSetCookie());
      const location = res.headers.get('location');
      const text = await res.text();
      if (origin === stack.origin && !target.includes('/auth/oidc/login')) {
        const session = jar.get(stack.origin, 'thidua_session');
        return { status: res.status, location, cookie: session ? `thidua_session=${session}` : null, text };
      }
      if (!location) throw new Error(`no redirect from ${target} (${res.status}): ${text.slice(0, 300)}`);
      target = new URL(location, target).href;
    }
    throw new Error('too many redirects');
  }

  const sessionOf = async (cookie: string) => {
    const res = await fetch(`${stack.origin}/auth/session`, { headers: { cookie } });
    return { body: (await res.json()) as SessionView, setCookies: res.headers.getSetCookie() };
  };

  it('signs in with code + PKCE and takes roles and unit from the claims; a subgraph accepts the forwarded access token', async () => {
    const login = await fetch(`${stack.origin}/auth/oidc/login?returnTo=/bang-xep-hang`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location') as string);
    expect(authorize.origin).toBe(issuer.url);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: ISSUER_CLIENT.id,
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${stack.origin}/auth/oidc/callback`,
      resource: AUDIENCE,
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
    const flowCookie = login.headers.getSetCookie().find((c) => c.startsWith('thidua_oidc=')) as string;
    expect(flowCookie).toMatch(/HttpOnly/i);
    expect(flowCookie).toMatch(/Path=\/auth\/oidc/);
    expect(flowCookie).not.toContain(authorize.searchParams.get('state') as string);

    const done = await signInAt('nguyen-thi-lan');
    expect(done.status).toBe(303);
    expect(done.location).toBe('/bang-xep-hang');
    expect(done.cookie).toBeTruthy();
    const cookie = done.cookie as string;
    expect((await sessionOf(cookie)).body).toEqual({
      mode: 'oidc',
      authenticated: true,
      account: { id: 'nguyen-thi-lan', username: null, displayName: 'Nguyễn Thị Lan', roles: ['UNIT_OFFICER'], orgUnitId: unitId, mustChangePassword: false },
    });
    const viewer = await gql<{ viewer: { userId: string; roles: string[]; unit: { id: string; name: string } } }>(
      stack.url,
      '{ viewer { userId roles unit { id name } } }',
      {},
      undefined,
      { cookie },
    );
    expect(viewer.errors).toEqual([]);
    expect(viewer.data?.viewer).toEqual({ userId: 'nguyen-thi-lan', roles: ['UNIT_OFFICER'], unit: { id: unitId, name: 'UBND phường Tân Lợi' } });
    const write = await gql<{ createPerson: { id: string } }>(
      stack.url,
      'mutation($u: ID!) { createPerson(input: { fullName: "Lê Thị Mai", kind: CIVIL_SERVANT, unitId: $u }) { id } }',
      { u: unitId },
      undefined,
      { cookie },
    );
    expect(write.errors).toEqual([]);
    const stored = await gw.db.manager.findOneOrFail(Session, { where: { subject: 'nguyen-thi-lan' } });
    expect(stored.accountId).toBeNull();
    expect(stored.refreshToken).toBeTruthy();
  });

  it('keeps only known roles, and refuses a person with none with a Vietnamese page and no session', async () => {
    const hung = await signInAt('tran-van-hung');
    expect((await sessionOf(hung.cookie as string)).body.account?.roles).toEqual(['LEAD_AGENCY']);
    const guest = await signInAt('khach-vang-lai');
    expect(guest.status).toBe(403);
    expect(guest.cookie).toBeNull();
    expect(guest.text).toMatch(/chưa được gán vai trò/);
    expect(guest.text).toMatch(/<html lang="vi">/);
  });

  it('returns only to a path on this site', async () => {
    expect((await signInAt('tran-van-hung', 'https://evil.example/phish')).location).toBe('/');
    expect((await signInAt('tran-van-hung', '//evil.example')).location).toBe('/');
  });

  it('refuses a callback without the flow it started', async () => {
    const res = await fetch(`${stack.origin}/auth/oidc/callback?code=abc&state=xyz`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('thidua_session=') && !c.startsWith('thidua_session=;'))).toBe(false);
    expect(await res.text()).toMatch(/hết hạn hoặc không hợp lệ/);
  });

  it('refreshes an expired access token with the refresh token, and ends the session when the issuer refuses', async () => {
    const { cookie } = await signInAt('nguyen-thi-lan');
    const before = (await gw.db.manager.find(Session, { where: { subject: 'nguyen-thi-lan' }, order: { createdAt: 'DESC' } }))[0] as Session;
    offsetMs += 6 * 60_000; // past the 5-minute access token
    const viewer = await gql<{ viewer: { userId: string } }>(stack.url, '{ viewer { userId } }', {}, undefined, { cookie: cookie as string });
    expect(viewer.data?.viewer.userId).toBe('nguyen-thi-lan');
    const after = await gw.db.manager.findOneOrFail(Session, { where: { id: before.id } });
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.tokenExpiresAt?.getTime()).toBeGreaterThan(clock().getTime());

    await gw.db.manager.update(Session, { id: before.id }, { refreshToken: 'da-bi-thu-hoi' });
    offsetMs += 6 * 60_000;
    // The cached copy may still hold the old refresh token for a few seconds; a fresh read sees the revoked one.
    offsetMs += 10_000;
    const ended = await sessionOf(cookie as string);
    expect(ended.body.authenticated).toBe(false);
    expect(ended.setCookies.some((c) => /^thidua_session=;/.test(c))).toBe(true);
    expect(await gw.db.manager.count(Session, { where: { id: before.id } })).toBe(0);
  });

  it('keeps local sign-in for ADMIN only (break-glass), whose minted token the subgraphs still accept', async () => {
    const local = await fetch(`${stack.origin}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    expect(local.status).toBe(200);
    const cookie = (local.headers.getSetCookie().find((c) => c.startsWith('thidua_session=')) as string).split(';')[0] as string;
    const created = await fetch(`${stack.origin}/auth/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ username: 'thu-ky', displayName: 'Thư ký hội đồng', roles: ['COUNCIL'], password: 'Thu-ky-hoi-dong-2025' }),
    });
    expect(created.status).toBe(201);
    const refused = await fetch(`${stack.origin}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'thu-ky', password: 'Thu-ky-hoi-dong-2025' }),
    });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('AUTH_LOCAL_DISABLED');
    expect(body.errors[0]?.message).toMatch(/quản trị viên/);
    const audit = await gql(stack.url, '{ participantsAuditLog(first: 1) { id } }', {}, undefined, { cookie });
    expect(audit.errors).toEqual([]);
    expect(errorCodes(await gql(stack.url, '{ participantsAuditLog(first: 1) { id } }'))).toEqual(['UNAUTHENTICATED']);
  });
});
