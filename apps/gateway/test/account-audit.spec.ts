import { startParticipants } from '@thidua/participants';
import { describeEachDatabase, startStack, type TestStack } from '@thidua/testing';
import { loadGatewayConfig, startGateway } from '../src';

type Entry = { id: string; at: string; actorId: string | null; actorRoles: string[]; entityType: string; entityId: string; action: string; before: string | null; after: string | null };

describeEachDatabase('the gateway audit of accounts (GET /auth/audit)', (db) => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    admin = await stack.token('ADMIN', undefined, { subject: 'quan-tri-kiem-thu' });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${stack.origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as { entries?: Entry[]; account?: { id: string; version: number }; errors?: Array<{ extensions: { code: string } }> } };
  };

  it('lists the account changes with who, when, before and after, filtered like the services’ logs; ADMIN only', async () => {
    const created = await call('POST', '/auth/accounts', admin, { username: 'tinh.vanthu', displayName: 'Văn thư tỉnh', roles: ['COUNCIL'], password: 'Mat-khau-van-thu-2026' });
    expect(created.status).toBe(201);
    const id = created.body.account?.id ?? '';
    const disabled = await call('PATCH', `/auth/accounts/${id}`, admin, { active: false, expectedVersion: created.body.account?.version });
    expect(disabled.status).toBe(200);

    const log = await call('GET', `/auth/audit?entityType=Account&entityId=${id}`, admin);
    expect(log.status).toBe(200);
    const entries = log.body.entries ?? [];
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]).toMatchObject({ actorId: 'quan-tri-kiem-thu', actorRoles: ['ADMIN'], entityType: 'Account', entityId: id });
    expect(JSON.parse(entries[0]?.before ?? '{}')).toMatchObject({ active: true });
    expect(JSON.parse(entries[0]?.after ?? '{}')).toMatchObject({ active: false });
    // No password hash in any snapshot.
    expect(JSON.stringify(entries)).not.toMatch(/passwordHash|\$2[aby]\$/);

    // Words of the snapshots, and a time range.
    expect((await call('GET', '/auth/audit?search=V%C4%83n%20th%C6%B0%20t%E1%BB%89nh', admin)).body.entries?.map((e) => e.action).sort()).toEqual(['create', 'update']);
    expect((await call('GET', `/auth/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, admin)).body.entries).toEqual([]);
    expect((await call('GET', '/auth/audit?first=1', admin)).body.entries).toHaveLength(1);
    expect((await call('GET', '/auth/audit?first=abc', admin)).status).toBe(400);

    const lead = await stack.token('LEAD_AGENCY');
    const refused = await call('GET', '/auth/audit', lead);
    expect([refused.status, refused.body.errors?.[0]?.extensions.code]).toEqual([403, 'FORBIDDEN']);
  });
});
