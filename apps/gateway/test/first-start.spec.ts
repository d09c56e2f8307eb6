import { ConfigError } from '@thidua/platform';
import { describeEachDatabase, freshDatabase, type FreshDatabase } from '@thidua/testing';
import { loadGatewayConfig, startGateway, type RunningGateway } from '../src';

/** Everything the gateway writes to stdout while fn runs (the first password block is printed, not logged). */
async function stdoutOf<T>(fn: () => Promise<T>): Promise<{ result: T; printed: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  try {
    return { result: await fn(), printed: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

const FIRST_PASSWORD = /Tài khoản quản trị: admin \/ mật khẩu lần đầu: (\S+)/;

async function signIn(gateway: RunningGateway, password: string): Promise<{ status: number; mustChangePassword?: boolean }> {
  const res = await fetch(`${gateway.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  const body = (await res.json()) as { account?: { mustChangePassword: boolean } };
  return { status: res.status, mustChangePassword: body.account?.mustChangePassword };
}

describeEachDatabase('the first start', (kind) => {
  let db: FreshDatabase;
  beforeEach(async () => {
    db = await freshDatabase(kind, 'gateway');
  });
  afterEach(() => db.drop());

  const env = () => ({ ...db.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0' });

  it('prints a random ADMIN password once, in Vietnamese, which must be changed; later starts print nothing', async () => {
    const first = await stdoutOf(() => startGateway(loadGatewayConfig(env())));
    try {
      const m = FIRST_PASSWORD.exec(first.printed);
      expect(m?.[1]).toMatch(/^[A-Za-z0-9]{18}$/);
      expect(first.printed).toMatch(/đổi mật khẩu/i);
      expect(first.printed.match(/mật khẩu lần đầu/g)).toHaveLength(1);
      expect(await signIn(first.result, m?.[1] as string)).toEqual({ status: 200, mustChangePassword: true });
    } finally {
      await first.result.close();
    }
    const second = await stdoutOf(() => startGateway(loadGatewayConfig(env())));
    await second.result.close();
    expect(second.printed).toBe('');
  });

  it('uses ADMIN_PASSWORD when set, and prints nothing', async () => {
    const started = await stdoutOf(() => startGateway(loadGatewayConfig({ ...env(), ADMIN_PASSWORD: 'Mật-khẩu-quản-trị-2025' })));
    try {
      expect(started.printed).toBe('');
      expect(await signIn(started.result, 'Mật-khẩu-quản-trị-2025')).toEqual({ status: 200, mustChangePassword: false });
    } finally {
      await started.result.close();
    }
  });

  // Replicas share a server database; SQLite is one process's file.
  if (kind === 'mysql') {
    it('creates one ADMIN when two replicas start together on one database', async () => {
      const both = await stdoutOf(() => Promise.all([startGateway(loadGatewayConfig(env())), startGateway(loadGatewayConfig(env()))]));
      try {
        expect(both.printed.match(/mật khẩu lần đầu/g)).toHaveLength(1);
        const password = FIRST_PASSWORD.exec(both.printed)?.[1] as string;
        const [a, b] = both.result;
        expect(await a.accounts.list({})).toHaveLength(1);
        expect((await signIn(a, password)).status).toBe(200);
        expect((await signIn(b, password)).status).toBe(200);
      } finally {
        for (const g of both.result) await g.close();
      }
    });
  }
});

describe('gateway sign-in settings', () => {
  it('refuses to boot with an ADMIN_PASSWORD that breaks the policy, saying why in Vietnamese', () => {
    expect(() => loadGatewayConfig({ ADMIN_PASSWORD: 'ngan' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ADMIN_PASSWORD: 'ngan' })).toThrow('ADMIN_PASSWORD: Mật khẩu phải có ít nhất 10 ký tự.');
    // A blank line in an env file is not a password.
    expect(loadGatewayConfig({ ADMIN_PASSWORD: '' }).adminPassword).toBeUndefined();
  });

  it('validates session and OIDC settings', () => {
    const c = loadGatewayConfig({});
    expect(c.sessions).toEqual({ idleMinutes: 120, maxHours: 12, lockMinutes: 15, cookieSecure: false });
    expect(c.oidc).toBeUndefined();
    expect(c.reportWorkerUrl).toBe('http://127.0.0.1:4005');
    expect(loadGatewayConfig({ COOKIE_SECURE: 'true' }).sessions.cookieSecure).toBe(true);
    expect(() => loadGatewayConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => loadGatewayConfig({ SESSION_MAX_HOURS: 'mười hai' })).toThrow(/SESSION_MAX_HOURS/);
    expect(() => loadGatewayConfig({ OIDC_ISSUER: 'https://sso.example.gov.vn' })).toThrow(/OIDC_CLIENT_ID/);
    const oidc = loadGatewayConfig({ OIDC_ISSUER: 'https://sso.example.gov.vn/realms/thidua', OIDC_CLIENT_ID: 'thidua', OIDC_CLIENT_SECRET: 'bi-mat' }).oidc;
    expect(oidc).toEqual({ issuer: 'https://sso.example.gov.vn/realms/thidua', clientId: 'thidua', clientSecret: 'bi-mat', scopes: 'openid profile email', redirectUrl: undefined, resource: undefined });
  });
});
