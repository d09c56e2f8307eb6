import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import http from 'node:http';
import { join } from 'node:path';
import { startParticipants } from '@thidua/participants';
import { serveMetrics } from '@thidua/platform';
import { describeEachDatabase, errorCodes, freshDatabase, gql, startStack, testDatabaseKinds, type TestStack } from '@thidua/testing';
import { composeSupergraph, loadGatewayConfig, startGateway, SUBGRAPHS, SUPERGRAPH_PATH } from '../src';
import { generateOperationTypes, generateResolverTypes, graphClientProjects } from '../src/codegen';

const root = join(__dirname, '..', '..', '..');

/** What Prometheus reads from this process's METRICS_PORT. */
async function scrape(): Promise<string> {
  const server = await serveMetrics({ METRICS_PORT: '0', HOST: '127.0.0.1' });
  if (!server) throw new Error('no metrics server');
  try {
    const { port } = server.address() as import('node:net').AddressInfo;
    return await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
}

describe('supergraph', () => {
  it('is up to date with the subgraph schemas (run `npm run compose` after changing one)', () => {
    expect(readFileSync(join(root, SUPERGRAPH_PATH), 'utf8')).toEqual(composeSupergraph(root));
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('has up-to-date generated resolver types for %s', async (_name, subgraph) => {
    const { path, content } = await generateResolverTypes(root, subgraph);
    expect(readFileSync(path, 'utf8')).toEqual(content);
  });

  it.each(graphClientProjects(root))('types the graph operations of %s against it (their .graphql documents match the graph)', async (project) => {
    const { path, content } = await generateOperationTypes(root, project);
    expect(readFileSync(path, 'utf8')).toEqual(content);
  });
});

describeEachDatabase('gateway', (db) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      db,
      presets: false,
      subgraphs: { participants: startParticipants },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
  });
  afterAll(() => stack.close());

  it('counts and times each request and GraphQL operation for Prometheus, in the gateway and in the subgraph', async () => {
    const r = await gql(stack.url, 'query ChienDichCongKhai { campaigns { code } }');
    expect(r.errors ?? []).toEqual([]);
    const text = await scrape();
    expect(text).toMatch(/^thidua_graphql_operations_total\{service="gateway",operation="ChienDichCongKhai",type="query",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^thidua_graphql_operations_total\{service="participants",operation="ChienDichCongKhai__participants__0",type="query",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^thidua_http_requests_total\{service="gateway",method="POST",route="\/graphql",status="200"\} [1-9]/m);
    expect(text).toMatch(/^thidua_graphql_operation_duration_seconds_bucket\{le="\+Inf",service="gateway",operation="ChienDichCongKhai",type="query"\} [1-9]/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('serves the graph and health checks', async () => {
    const r = await gql(stack.url, '{ viewer { anonymous roles } }');
    expect(r.data).toEqual({ viewer: { anonymous: true, roles: [] } });
    expect((await fetch(`${stack.origin}/health/live`)).status).toBe(200);
    expect((await fetch(`${stack.origin}/health/ready`)).status).toBe(200);
  });

  it('forwards the token: the subgraph sees the same viewer', async () => {
    const token = await stack.token('LEAD_AGENCY', undefined, { subject: 'le-van-a' });
    const r = await gql(stack.url, '{ viewer { userId roles anonymous } }', {}, token);
    expect(r.data).toEqual({ viewer: { userId: 'le-van-a', roles: ['LEAD_AGENCY'], anonymous: false } });
  });

  it('forwards the request id to the subgraph and back', async () => {
    const res = await fetch(stack.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-12345' },
      body: JSON.stringify({ query: '{ viewer { anonymous } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-12345');
  });

  it('refuses calls to a subgraph that bypass the gateway, _entities included', async () => {
    const direct = stack.subgraphUrls.participants as string;
    const r = await gql(direct, '{ _entities(representations: [{ __typename: "OrgUnit", id: "x" }]) { ... on OrgUnit { name } } }');
    expect(r.status).toBe(403);
    expect(errorCodes(r)).toEqual(['GATEWAY_REQUIRED']);
    expect(r.errors[0]?.message).toBe('Dịch vụ chỉ nhận yêu cầu đi qua cổng API (gateway).');
    const files = await fetch(direct.replace('/graphql', '/files/00000000-0000-0000-0000-000000000000'));
    expect(files.status).toBe(403);
  });

  it('refuses forged and expired tokens at the edge with a Vietnamese message', async () => {
    // A real token of a unit officer whose payload was edited to claim ADMIN, signature kept.
    const [header, payload, signature] = (await stack.token('UNIT_OFFICER', 'unit-1')).split('.');
    const claims = { ...JSON.parse(Buffer.from(payload as string, 'base64url').toString()), roles: ['ADMIN'] };
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    const r1 = await gql(stack.url, '{ viewer { anonymous } }', {}, forged);
    expect(r1.status).toBe(401);
    expect(errorCodes(r1)).toEqual(['TOKEN_INVALID']);
    const expired = await stack.token('ADMIN', undefined, { ttlSeconds: -60 });
    const r2 = await gql(stack.url, '{ viewer { anonymous } }', {}, expired);
    expect(r2.status).toBe(401);
    expect(errorCodes(r2)).toEqual(['TOKEN_EXPIRED']);
    expect(r2.errors[0]?.message).toMatch(/hết hạn/);
  });

  it('limits depth and aliases, saying so in Vietnamese', async () => {
    const deep = `{ orgUnits { edges { node { ${'parent { '.repeat(12)}name${' }'.repeat(12)} } } } }`;
    const r = await gql(stack.url, deep);
    expect(errorCodes(r)).toContain('QUERY_REJECTED');
    expect(r.errors[0]?.message).toMatch(/độ sâu \d+ vượt mức tối đa 12/);
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: viewer { anonymous }`).join(' ')} }`;
    const a = await gql(stack.url, aliases);
    expect(errorCodes(a)).toContain('QUERY_REJECTED');
    expect(a.errors[0]?.message).toMatch(/30 bí danh, vượt mức tối đa 20/);
    for (const e of [...r.errors, ...a.errors]) expect(e.message).not.toMatch(/limit|exceeded|found/i);
    // Fragments do not deepen a query: eleven levels of fields written with three fragment spreads pass.
    const withFragments = `{ orgUnits { edges { node { ...F1 } } } }
      fragment F1 on OrgUnit { parent { ...F2 } }
      fragment F2 on OrgUnit { parent { ...F3 } }
      fragment F3 on OrgUnit { parent { parent { parent { parent { parent { name } } } } } }`;
    expect((await gql(stack.url, withFragments)).errors).toEqual([]);
  });

  it("admits the web app's ranking page of 1,000 rows and still refuses an excessive query by its cost", async () => {
    const source = readFileSync(join(__dirname, '../../web/src/features/ranking/rankings-query.ts'), 'utf8');
    // The file's operations and the fragments they spread, each sent as the web app sends it.
    const text = [...source.matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]).join('\n');
    expect(text).toMatch(/rankings\([^)]*first: 1000/);
    const document = parse(text);
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
    const spread = (node: DefinitionNode, found = new Set<string>()): Set<string> => {
      visit(node, {
        FragmentSpread: (s) => {
          const f = fragments.get(s.name.value);
          if (f && !found.has(s.name.value)) spread(f, found.add(s.name.value));
        },
      });
      return found;
    };
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.map((o) => o.name?.value)).toEqual(expect.arrayContaining(['RankingFirstRows', 'RankingPage', 'RolledUpRankingPage']));
    for (const operation of operations) {
      const sent: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...[...spread(operation)].map((n) => fragments.get(n) as FragmentDefinitionNode)] };
      // Apollo Client adds __typename to every selection set but the operation's own.
      const page = print(
        visit(sent, {
          SelectionSet: (node, _key, parent) =>
            parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION
              ? undefined
              : { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] },
        }),
      );
      const ok = await gql(stack.url, page, { code: 'BMT-CDS-2023-2025', year: 2024 });
      expect({ operation: operation.name?.value, codes: errorCodes(ok) }).toEqual({ operation: operation.name?.value, codes: [] });
    }
    const entries = 'entries { rank unitKind total maxPoints percent classification passes previousTotal change unit { id code name } }';
    const twice = `{ a: campaign(code: "X") { rankings(year: 2024, first: 1000) { ${entries} } } b: campaign(code: "Y") { rankings(year: 2024, first: 1000) { ${entries} } } }`;
    const deep = `{ campaign(code: "X") { rankings(year: 2024, first: 1000) { entries { rank unit { name parent { name parent { name parent { name } } } } } } } }`;
    for (const q of [twice, deep]) {
      const r = await gql(stack.url, q);
      expect(errorCodes(r)).toContain('QUERY_REJECTED');
      expect(r.errors[0]?.message).toMatch(/chi phí \d+ vượt mức tối đa 100000/);
    }
  });

  it('refuses an oversized request (a 5 MB name) before it reaches a subgraph', async () => {
    const r = await gql(stack.url, 'mutation($n: String!) { renameOrgUnit(id: "x", name: $n, effectiveDate: "2025-01-01") { id } }', {
      n: 'Đ'.repeat(5 * 1024 * 1024),
    });
    expect(r.status).toBe(413);
    expect(errorCodes(r)).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(r.errors[0]?.message).toBe('Yêu cầu vượt quá dung lượng cho phép.');
  });

  it('refuses a query of 20,000 tokens with HTTP 400 and a Vietnamese message, whatever its shape', async () => {
    const fields = `{ ${Array.from({ length: 10_000 }, () => 'viewer { anonymous }').join(' ')} }`;
    const args = `{ orgUnits(ids: [${Array.from({ length: 20_000 }, (_, i) => `"${i}"`).join(', ')}]) { totalCount } }`;
    for (const query of [fields, args]) {
      const r = await gql(stack.url, query);
      expect(r.status).toBe(400);
      expect(errorCodes(r)).toEqual(['QUERY_REJECTED']);
      expect(r.errors[0]?.message).toMatch(/quá 5000 ký hiệu/);
      expect(r.errors[0]?.message).not.toMatch(/limit|exceeded|found|Syntax/i);
    }
  });

  it('answers GraphQL syntax errors in Vietnamese without internals', async () => {
    const r = await gql(stack.url, '{ campaigns { ');
    expect(errorCodes(r)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(r.errors[0]?.message).toMatch(/^Truy vấn GraphQL sai cú pháp/);
  });
});

describe('the gateway in production', () => {
  // Production requires DATABASE_URL (the gateway keeps accounts and sessions), so this runs on MySQL/MariaDB only.
  const mysql = testDatabaseKinds().includes('mysql');
  if (mysql) {
    it('refuses introspection and stack traces', async () => {
      const db = await freshDatabase('mysql', 'gateway');
      const gateway = await startGateway(
        loadGatewayConfig({
          ...db.env,
          NODE_ENV: 'production',
          LOG_LEVEL: 'silent',
          PORT: '0',
          AUTH_JWT_SECRET: 'production-secret-production-secret-0123',
          GATEWAY_SECRET: 'production-gateway-secret-0123456789abcdef',
          ADMIN_PASSWORD: 'mat-khau-san-xuat-thu-nghiem',
        }),
      );
      try {
        const r = await gql(`${gateway.url}/graphql`, '{ __schema { types { name } } }');
        expect(r.data).toBeNull();
        expect(errorCodes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
        expect(JSON.stringify(r.errors)).not.toMatch(/stacktrace/);
        const landing = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
        expect(await landing.text()).not.toMatch(/<html/i);
      } finally {
        await gateway.close();
        await db.drop();
      }
    });
  }

  it('refuses to boot without a database in production', () => {
    expect(() =>
      loadGatewayConfig({
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: 'production-secret-production-secret-0123',
        GATEWAY_SECRET: 'production-gateway-secret-0123456789abcdef',
      }),
    ).toThrow(/DATABASE_URL/);
  });
});

/** A subgraph that accepts requests and never answers (as a paused process would); records each request's headers. */
async function startHungSubgraph() {
  const sockets = new Set<import('node:net').Socket>();
  const requests: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req) => {
    requests.push(req.headers);
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as import('node:net').AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('subgraph deadlines', () => {
  it('are 3 s for a query and 30 s for a mutation unless set; an old SUBGRAPH_TIMEOUT_MS above 30 s still holds for both', () => {
    const base = { NODE_ENV: 'test', ADMIN_PASSWORD: 'mat-khau-thu-nghiem-01' };
    expect(loadGatewayConfig(base)).toMatchObject({ subgraphTimeoutMs: 3000, subgraphMutationTimeoutMs: 30_000 });
    expect(loadGatewayConfig({ ...base, SUBGRAPH_TIMEOUT_MS: '10000' })).toMatchObject({ subgraphTimeoutMs: 10_000, subgraphMutationTimeoutMs: 30_000 });
    expect(loadGatewayConfig({ ...base, SUBGRAPH_TIMEOUT_MS: '45000' })).toMatchObject({ subgraphTimeoutMs: 45_000, subgraphMutationTimeoutMs: 45_000 });
    expect(loadGatewayConfig({ ...base, SUBGRAPH_TIMEOUT_MS: '500', SUBGRAPH_MUTATION_TIMEOUT_MS: '2000' })).toMatchObject({ subgraphTimeoutMs: 500, subgraphMutationTimeoutMs: 2000 });
  });

  describe('with the scoring subgraph hung', () => {
    let hung: Awaited<ReturnType<typeof startHungSubgraph>>;
    let stack: TestStack;
    let fast: Awaited<ReturnType<typeof startGateway>>;
    let fastDb: Awaited<ReturnType<typeof freshDatabase>>;
    beforeAll(async () => {
      hung = await startHungSubgraph();
      // The gateway with its default deadlines; participants (the units' names) answers, scoring never does.
      stack = await startStack({
        db: 'sqlite',
        subgraphs: { participants: startParticipants },
        gateway: (env) => {
          const { SUBGRAPH_TIMEOUT_MS: _q, SUBGRAPH_MUTATION_TIMEOUT_MS: _m, ...rest } = env;
          return startGateway(loadGatewayConfig({ ...rest, SCORING_URL: hung.url }));
        },
      });
      // A second gateway with small deadlines, to see which one a query and a mutation get without waiting 30 s.
      fastDb = await freshDatabase('sqlite', 'gateway');
      fast = await startGateway(
        loadGatewayConfig({
          ...fastDb.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORT: '0',
          PARTICIPANTS_URL: stack.subgraphUrls.participants,
          SCORING_URL: hung.url,
          SUBGRAPH_TIMEOUT_MS: '300',
          SUBGRAPH_MUTATION_TIMEOUT_MS: '1500',
          ADMIN_PASSWORD: 'mat-khau-thu-nghiem-01',
        }),
      );
    });
    afterAll(async () => {
      await fast?.close();
      await fastDb?.drop();
      await stack?.close();
      await hung?.close();
    });

    it("answers a query within the query deadline with the other subgraph's data and the hung one's part empty", async () => {
      const started = Date.now();
      const r = await gql<{ orgUnit: { name: string; assessments: unknown; score: unknown } | null }>(
        stack.url,
        'query DonVi { orgUnit(code: "BMT-P-TAN-AN") { code name assessments { id } score(year: 2024) { total } } }',
      );
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(2900);
      expect(elapsed).toBeLessThan(6000);
      expect(r.data?.orgUnit).toEqual({ code: 'BMT-P-TAN-AN', name: expect.any(String), assessments: null, score: null });
      expect(r.data?.orgUnit?.name).toMatch(/Tân An/);
      expect([...new Set(errorCodes(r))]).toEqual(['SUBGRAPH_TIMEOUT']);
      expect(r.errors[0]?.message).toMatch(/«scoring» không phản hồi kịp; phần dữ liệu của dịch vụ này bị bỏ trống/);
    });

    it("gives a mutation and the services' own queries the longer deadline, and says a mutation's outcome is not known", async () => {
      let started = Date.now();
      const q = await gql(`${fast.url}/graphql`, '{ orgUnit(code: "BMT-P-TAN-AN") { name assessments { id } } }');
      const queryElapsed = Date.now() - started;
      expect(errorCodes(q)).toEqual(['SUBGRAPH_TIMEOUT']);
      expect(queryElapsed).toBeLessThan(1400);

      const before = hung.requests.length;
      started = Date.now();
      const m = await gql(`${fast.url}/graphql`, 'mutation { publishFramework(id: "khong-co") { id } }');
      const mutationElapsed = Date.now() - started;
      expect(mutationElapsed).toBeGreaterThanOrEqual(1450);
      expect(mutationElapsed).toBeLessThan(5000);
      expect(m.data).toBeNull();
      expect(errorCodes(m)).toEqual(['OUTCOME_UNKNOWN']);
      expect(m.errors[0]?.message).toMatch(/chưa rõ thay đổi đã được ghi nhận hay chưa/);
      // The graph's own services (a report run) have nobody waiting for a page: their queries get the longer deadline.
      started = Date.now();
      const s = await gql(`${fast.url}/graphql`, '{ orgUnit(code: "BMT-P-TAN-AN") { name assessments { id } } }', undefined, await stack.token('SERVICE'));
      const serviceElapsed = Date.now() - started;
      expect(serviceElapsed).toBeGreaterThanOrEqual(1450);
      expect(serviceElapsed).toBeLessThan(5000);
      expect(errorCodes(s)).toEqual(['SUBGRAPH_TIMEOUT']);
      expect(s.errors[0]?.message).toMatch(/phần dữ liệu của dịch vụ này bị bỏ trống/);
      // The mark that chose the deadline stays inside the gateway.
      const sent = hung.requests.slice(before);
      expect(sent).toHaveLength(2);
      for (const headers of sent) expect(headers['x-thidua-operation-kind']).toBeUndefined();
    });
  });
});

describe('a hung subgraph', () => {
  it('yields an error for its part within the deadline, never a hung request', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const hung = http.createServer(() => undefined);
    hung.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', () => r()));
    const port = (hung.address() as import('node:net').AddressInfo).port;
    const db = await freshDatabase('sqlite', 'gateway');
    const gateway = await startGateway(
      loadGatewayConfig({ ...db.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', PARTICIPANTS_URL: `http://127.0.0.1:${port}/graphql`, SUBGRAPH_TIMEOUT_MS: '300', ADMIN_PASSWORD: 'mat-khau-thu-nghiem-01' }),
    );
    try {
      const started = Date.now();
      const r = await gql(`${gateway.url}/graphql`, '{ campaigns { code } }');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(r.data).toBeNull();
      expect(errorCodes(r)).toEqual(['SUBGRAPH_TIMEOUT']);
      expect(r.errors[0]?.message).toMatch(/không phản hồi kịp/);
      expect(await scrape()).toMatch(/^thidua_subgraph_errors_total\{subgraph="participants",code="SUBGRAPH_TIMEOUT"\} [1-9]/m);
    } finally {
      await gateway.close();
      await db.drop();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => hung.close(() => r()));
    }
  });
});
