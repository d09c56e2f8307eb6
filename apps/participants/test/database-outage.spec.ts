import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { errorCodes, gql, gqlOk, startStack, startTcpProxy, testDatabaseKinds, TEST_MYSQL_URL, type TcpProxy, type TestStack } from '@thidua/testing';
import { startParticipants } from '../src';

// MariaDB goes away under a loop of writes (its connections reset, new ones refused), then comes back. SQLite is in
// the process and cannot go away on its own, so this runs on MariaDB only (mandatory in CI).
const onMysql = testDatabaseKinds().includes('mysql');

(onMysql ? describe : () => undefined)('participants when MariaDB goes away and comes back', () => {
  let proxy: TcpProxy;
  let stack: TestStack;
  let homeAffairs: string;
  let parentId: string;

  beforeAll(async () => {
    const server = new URL(TEST_MYSQL_URL);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 3306) });
    stack = await startStack({
      db: 'mysql',
      subgraphs: { participants: startParticipants },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      databaseUrl: (url, subgraph) => {
        if (subgraph !== 'participants') return url;
        const u = new URL(url);
        u.port = String(proxy.port);
        return u.toString();
      },
    });
    homeAffairs = await stack.token('HOME_AFFAIRS');
    parentId = (await gqlOk<{ orgUnit: { id: string } }>(stack.url, '{ orgUnit(code: "DLK") { id } }')).orgUnit.id;
  });
  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  const create = (i: number) =>
    gql<{ createOrgUnit: { id: string } }>(
      stack.url,
      'mutation($c: String!, $n: String!, $p: ID!) { createOrgUnit(input: { code: $c, name: $n, kind: WARD_PC, parentId: $p }) { id } }',
      { c: `OUTAGE-${i}`, n: `UBND phường Thử Mất Kết Nối ${i}`, p: parentId },
      homeAffairs,
    );
  const ready = () => fetch(stack.subgraphUrls.participants?.replace('/graphql', '/health/ready') as string).then((r) => r.status);

  it('tells clients to repeat later (SERVICE_UNAVAILABLE), turns not-ready, loses no acknowledged write and recovers by itself', async () => {
    const acknowledged: number[] = [];
    const refused: number[] = [];
    for (let i = 0; i < 30; i++) {
      if (i === 10) {
        await proxy.cut();
        expect(await ready()).toBe(503);
      }
      if (i === 20) await proxy.restore();
      // Each write is repeated while the answer says to repeat it (a client following the code), at most 5 times.
      for (let attempt = 0; attempt < 5; attempt++) {
        const r = await create(i);
        if (!r.errors.length) {
          acknowledged.push(i);
          break;
        }
        expect(errorCodes(r)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(r.errors[0]?.message).toBe('Dịch vụ tạm thời không phản hồi, vui lòng thử lại sau.');
        if (i < 20) {
          refused.push(i);
          break;
        }
      }
    }
    expect(refused).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(await ready()).toBe(200);
    // Every acknowledged write is there, and nothing of a refused one.
    const { orgUnits } = await gqlOk<{ orgUnits: { edges: Array<{ node: { code: string } }> } }>(stack.url, '{ orgUnits(search: "Thử Mất Kết Nối", first: 100) { edges { node { code } } } }', {}, homeAffairs);
    expect(orgUnits.edges.map((e) => e.node.code).sort()).toEqual(acknowledged.map((i) => `OUTAGE-${i}`).sort());
    expect(acknowledged).toHaveLength(20);
  });
});
