import { randomUUID } from 'node:crypto';
import { mintToken, type Role } from '@thidua/platform';
import { dropRedisPrefix, freshDatabase, TEST_REDIS_URL, testJobDrivers, type FreshDatabase } from '@thidua/testing';
import { loadGatewayConfig, startGateway, type RunningGateway } from '../src';

const SECRET = 'rate-limit-test-secret-rate-limit-test-secret';

async function post(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: { code: string; retryAfterSeconds?: number } }> } };
}

async function gatewayWith(db: FreshDatabase, env: Record<string, string>): Promise<RunningGateway> {
  return startGateway(
    loadGatewayConfig({ ...db.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', AUTH_JWT_SECRET: SECRET, ADMIN_PASSWORD: 'mat-khau-thu-nghiem-01', ...env }),
  );
}

const auth = loadGatewayConfig({ AUTH_JWT_SECRET: SECRET }).auth;
const bearer = async (roles: Role[], subject: string) => ({ authorization: `Bearer ${await mintToken(auth, { roles, subject })}` });

describe('per-client rate limits at the gateway', () => {
  let db: FreshDatabase;
  let gateway: RunningGateway;
  beforeAll(async () => {
    db = await freshDatabase('sqlite', 'gateway');
    gateway = await gatewayWith(db, { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3', RATE_LIMIT_ACCOUNT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await gateway?.close();
    await db?.drop();
  });

  it('refuses a client over its limit with 429, Retry-After and a Vietnamese error with a stable code', async () => {
    for (let i = 0; i < 3; i++) expect((await post(gateway.url)).status).toBe(200);
    const refused = await post(gateway.url);
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(refused.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0]?.extensions.retryAfterSeconds).toBe(seconds);
    expect(refused.body.errors?.[0]?.message).toBe(`Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi ${seconds} giây rồi thử lại.`);
    // Sign-in attempts from the same address count against the same budget.
    const login = await fetch(`${gateway.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'sai' }) });
    expect(login.status).toBe(429);
  });

  it('counts each signed-in account on its own, and never limits the services of the graph', async () => {
    const a = await bearer(['LEAD_AGENCY'], `can-bo-${randomUUID()}`);
    const b = await bearer(['LEAD_AGENCY'], `can-bo-${randomUUID()}`);
    const statuses = async (h: Record<string, string>, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await post(gateway.url, h)).status);
      return out;
    };
    expect(await statuses(a, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await statuses(b, 5)).toEqual([200, 200, 200, 200, 200]);
    const service = await bearer(['SERVICE'], 'service:reporting');
    expect(new Set(await statuses(service, 20))).toEqual(new Set([200]));
    const ok = await post(gateway.url, b);
    expect(ok.status).toBe(429);
  });
});

describe('the stricter limit on comments to a public consultation', () => {
  let db: FreshDatabase;
  let gateway: RunningGateway;
  beforeAll(async () => {
    db = await freshDatabase('sqlite', 'gateway');
    // No awards subgraph behind it: an admitted comment fails downstream, a refused one never leaves the gateway.
    gateway = await gatewayWith(db, { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100', RATE_LIMIT_COMMENTS_PER_HOUR: '2', AWARDS_URL: 'http://127.0.0.1:9/graphql' });
  });
  afterAll(async () => {
    await gateway?.close();
    await db?.drop();
  });

  const send = async (query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables: { c: randomUUID(), n: randomUUID() } }),
    });
    return { status: res.status, body: (await res.json()) as { errors?: Array<{ message: string; extensions: { code: string } }> } };
  };
  const COMMENT = 'mutation($c: ID!, $n: ID!) { gopY: submitConsultationComment(consultationId: $c, nominationId: $n, kind: OBJECTION, authorName: "Nguyễn Văn Bảo", contact: "0905123456", content: "Phản ánh về đề nghị khen thưởng.") { message } }';

  it('admits so many comments an hour from one address, signed in or not, and leaves every other request alone', async () => {
    const account = await bearer(['LEAD_AGENCY'], `can-bo-${randomUUID()}`);
    const first = await send(COMMENT);
    expect(first.status).toBe(200);
    expect((await send(COMMENT, account)).status).toBe(200);
    const refused = await send(COMMENT);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0]?.message).toMatch(/^Địa chỉ mạng của bạn đã gửi quá nhiều ý kiến trong một giờ\. Vui lòng gửi lại sau \d+ phút\.$/);
    expect((await send(COMMENT, account)).status).toBe(429);
    // A query naming the field, and every other request from the address, are not comments.
    expect((await send('query { __typename } # submitConsultationComment')).status).toBe(200);
    expect((await send('{ __typename }')).status).toBe(200);
    // The graph's own services are never limited.
    expect((await send(COMMENT, await bearer(['SERVICE'], 'service:awards'))).status).not.toBe(429);
  });
});

// Every replica of the gateway shares one count through Redis (when the machine has it: always in CI).
if (testJobDrivers().includes('bullmq')) {
  describe('rate limits shared by two gateways through Redis', () => {
    const prefix = `rate-test-${randomUUID().slice(0, 8)}`;
    let dbs: FreshDatabase[] = [];
    let gateways: RunningGateway[] = [];
    beforeAll(async () => {
      dbs = [await freshDatabase('sqlite', 'gateway'), await freshDatabase('sqlite', 'gateway')];
      const env = { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '4', REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix };
      gateways = [await gatewayWith(dbs[0] as FreshDatabase, env), await gatewayWith(dbs[1] as FreshDatabase, env)];
    });
    afterAll(async () => {
      for (const g of gateways) await g.close();
      for (const d of dbs) await d.drop();
      await dropRedisPrefix(prefix);
    });

    it('refuses the fifth request of a minute whichever replica answers it', async () => {
      const [one, two] = gateways as [RunningGateway, RunningGateway];
      const statuses = [];
      for (const g of [one, two, one, two, one, two]) statuses.push((await post(g.url)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    });
  });
}
